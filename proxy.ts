import { NextResponse, type NextRequest } from 'next/server';
import { answerArticleAddress } from '@/lib/reader/article-addresses';
import { withdrawnPageHtml } from '@/lib/reader/withdrawn-page';

const LIST_PAGE = /^\/(sections|authors|tags)\/([^/]+)(?:\/page\/(\d+))?$/;
const ARTICLE = /^\/articles\/([^/]+)$/;

/**
 * Routing that must happen before any (cached) page renders. Permissions are never checked
 * here; lib/ does that.
 * - `/articles/<old slug>` → 301 to the story's new slug; a withdrawn story → 410.
 * - `/sections/x?page=3` is served from the route `/sections/x/page/3`, so that every
 *   page of a list is cached like the first (a query string would make it dynamic).
 */
export async function proxy(request: NextRequest) {
  const { pathname, searchParams } = request.nextUrl;

  const list = LIST_PAGE.exec(pathname);
  if (list) {
    const [, kind, slug, pathPage] = list;
    if (pathPage) {
      // The internal form is not an address of its own: send readers to the public one.
      const target = request.nextUrl.clone();
      target.pathname = `/${kind}/${slug}`;
      if (pathPage !== '1') target.searchParams.set('page', pathPage);
      return NextResponse.redirect(target, 301);
    }
    const page = searchParams.get('page');
    if (page && /^[1-9]\d{0,6}$/.test(page) && page !== '1') {
      const target = request.nextUrl.clone();
      target.pathname = `/${kind}/${slug}/page/${page}`;
      target.search = '';
      return NextResponse.rewrite(target);
    }
    return NextResponse.next();
  }

  const article = ARTICLE.exec(pathname);
  if (article) {
    const answer = await answerArticleAddress(safeDecode(article[1]!));
    if (answer.kind === 'moved') {
      const target = request.nextUrl.clone();
      target.pathname = `/articles/${answer.slug}`;
      return NextResponse.redirect(target, 301);
    }
    if (answer.kind === 'gone') {
      return new NextResponse(withdrawnPageHtml(), {
        status: 410,
        headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'public, max-age=0, s-maxage=60' },
      });
    }
  }
  return NextResponse.next();
}

export const config = {
  matcher: ['/articles/:slug', '/sections/:path*', '/authors/:path*', '/tags/:path*'],
};

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment; // malformed escapes: no story has such a slug, so the page answers 404
  }
}
