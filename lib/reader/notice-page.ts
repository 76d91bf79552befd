import 'server-only';
import { xmlText } from './xml';

export type Notice = {
  /** The paper's name from Settings (`siteNameForNotices()`). */
  siteName: string;
  title: string;
  heading: string;
  /** Trusted markup written in this codebase (links); never anything a person typed. */
  messageHtml: string;
  searchForm: boolean;
};

const SEARCH_FORM = `
  <form action="/search" method="get" role="search">
    <label for="q" style="position:absolute;left:-9999px">Search stories</label>
    <input id="q" name="q" type="search" placeholder="Search stories" maxlength="200">
    <button type="submit">Search</button>
  </form>`;

/**
 * A small self-contained reader page for answers the proxy gives before anything renders
 * (a withdrawn story's 410, too many searches' 429): no scripts, the site's name and
 * colours, a way home.
 */
export function noticePageHtml(notice: Notice): string {
  const name = xmlText(notice.siteName);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${xmlText(notice.title)} | ${name}</title>
<style>
  :root { color-scheme: light dark; --ink: #16181d; --muted: #5b6170; --rule: #d9dce3; --paper: #fff; --link: #1e4fa8; }
  @media (prefers-color-scheme: dark) { :root { --ink: #e9eaee; --muted: #a4a9b6; --rule: #30333b; --paper: #111214; --link: #8db4ff; } }
  body { margin: 0; background: var(--paper); color: var(--ink); font: 18px/1.6 Georgia, 'Times New Roman', serif; }
  header { border-bottom: 1px solid var(--rule); text-align: center; padding: 1.5rem 1rem; }
  header a { color: inherit; text-decoration: none; font-weight: 700; font-size: clamp(1.8rem, 6vw, 3.2rem); }
  main { max-width: 40rem; margin: 0 auto; padding: 3rem 1rem; }
  h1 { font-size: 2.2rem; line-height: 1.2; margin: 0 0 1rem; }
  p { color: var(--muted); }
  a { color: var(--link); }
  form { display: flex; gap: .5rem; margin-top: 2rem; font-family: system-ui, sans-serif; }
  input { flex: 1; min-width: 0; padding: .5rem .75rem; font-size: 1rem; border: 1px solid var(--rule); border-radius: 4px; background: var(--paper); color: var(--ink); }
  button { padding: .5rem 1rem; font-weight: 600; border: 0; border-radius: 4px; background: var(--ink); color: var(--paper); }
  :focus-visible { outline: 3px solid var(--link); outline-offset: 2px; }
</style>
</head>
<body>
<header><a href="/">${name}</a></header>
<main id="main">
  <h1>${xmlText(notice.heading)}</h1>
  <p>${notice.messageHtml}</p>${notice.searchForm ? SEARCH_FORM : ''}
</main>
</body>
</html>
`;
}
