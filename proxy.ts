import { NextResponse, type NextRequest } from 'next/server';
import { auth } from '@/lib/auth/auth';
import { collab, runtime } from '@/lib/config';
import { malformedForwarding } from '@/lib/http/forwarded-headers';
import { clientAddressFrom } from '@/lib/request-context';
import { answerArticleAddress } from '@/lib/reader/article-addresses';
import { countListPages, type ListKind } from '@/lib/reader/list-bounds';
import { articleKeys, cdnKeyHeaders, staticRouteKeys } from '@/lib/cache/cdn-keys';
import { cacheTags } from '@/lib/cache/tags';
import { findLiveArticleId } from '@/lib/reader/live-articles';
import { NOT_FOUND_PATH } from '@/lib/reader/not-found-path';
import { noticePageHtml } from '@/lib/reader/notice-page';
import { takeSearchAllowance } from '@/lib/reader/search-throttle';
import { withdrawnPageHtml } from '@/lib/reader/withdrawn-page';
import { newsroomContentSecurityPolicy } from '@/lib/security-headers';
import { siteNameForNotices } from '@/lib/settings/site-name-for-notices';
import { answerPreviewToken } from '@/lib/workflow/preview-links';

const LIST_PAGE = /^\/(sections|authors|tags)\/([^/]+)(?:\/page\/(\d+))?$/;
const ARTICLE = /^\/articles\/([^/]+)(\/og\.png)?$/;

/**
 * Routing that must happen before any page renders. It never decides who may do what:
 * every page and action checks that itself, in lib/.
 * - Newsroom, sign-in and preview-link pages: a per-response CSP nonce; in the newsroom,
 *   the session cookie renewed while the person works (the idle timeout), and signed-out
 *   visitors sent to /login.
 * - `/articles/<old slug>` → 301 to the story's new slug; a withdrawn story → 410.
 * - `/sections/x?page=3` is served from the route `/sections/x/page/3`, so that every
 *   page of a list is cached like the first (a query string would make it dynamic).
 * - Addresses that cannot exist (an unknown story or list, a page past a list's end) get
 *   the shared 404 page here: rendered, each would take a cache entry of its own.
 * - Searches are limited per client address (429 past the limit).
 * - A preview link that has ended answers 410, an unknown one 404, each with a notice.
 * - Reader pages tell nginx's micro-cache to keep them no later than the current second.
 */
export async function proxy(request: NextRequest, event: Parameters<typeof newsroom>[1]) {
  const { pathname } = request.nextUrl;
  if (pathname === '/newsroom' || pathname.startsWith('/newsroom/') || pathname === '/login' || pathname.startsWith('/login/')) {
    const forwarding = malformedForwarding(request.headers);
    if (forwarding) return new NextResponse(forwarding, { status: 400, headers: { 'Cache-Control': 'no-store' } });
    return newsroom(request, event);
  }
  // Preview links show unpublished work per request: the newsroom's strict policy, not the reader's.
  if (pathname.startsWith('/preview/')) return previewLink(request);
  if (pathname === '/search') return forMicroCache(await limitSearches(request));
  return forMicroCache(await readerRouting(request));
}

/**
 * nginx's micro-cache (deploy/nginx.conf) counts whole seconds: "1s" keeps a page 1 to 2 s.
 * Told to keep it until the end of the current second instead, it keeps it at most 1 s, so
 * an unpublished story leaves nginx within a second too. nginx reads and removes this
 * header; a CDN never sees it.
 */
function forMicroCache(response: Response): Response {
  if (response.status < 400 || response.status === 404 || response.status === 410) {
    response.headers.set('X-Accel-Expires', `@${Math.floor(Date.now() / 1000)}`);
  }
  return response;
}

const newsroom = auth((request) => {
  const { pathname, search } = request.nextUrl;
  if (pathname.startsWith('/newsroom') && !request.auth?.userId) {
    const login = new URL('/login', request.url);
    login.searchParams.set('next', pathname + search);
    return NextResponse.redirect(login);
  }
  return withNoncePolicy(request);
});

const newNoncePolicy = () => {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
  return { nonce, policy: newsroomContentSecurityPolicy(nonce, runtime.isDevelopment(), collab.publicUrl()) };
};

function withNoncePolicy(request: NextRequest) {
  const { nonce, policy } = newNoncePolicy();
  const headers = new Headers(request.headers);
  headers.set('x-nonce', nonce);
  headers.set('Content-Security-Policy', policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('Content-Security-Policy', policy);
  return response;
}

/**
 * A preview link that has ended (revoked, expired, its story withdrawn, its creator gone)
 * answers 410 and an unknown one 404, each with a notice and never the story. Rendered,
 * the page could only stream its "not found" after a 200 had been sent.
 */
async function previewLink(request: NextRequest) {
  const token = safeDecode(request.nextUrl.pathname.slice('/preview/'.length));
  const answer = await orUnknown(answerPreviewToken(token));
  if (!answer || answer.kind === 'open') return withNoncePolicy(request);
  const ended = answer.kind === 'ended';
  const html = noticePageHtml({
    siteName: await siteNameForNotices(),
    title: ended ? 'Preview link ended' : 'Preview link not found',
    heading: ended ? 'This preview link has ended' : 'This link does not open a preview',
    messageHtml: ended
      ? 'The newsroom has closed this link, or its time ran out. If you still need to read the story, ask the person who sent it for a new link.'
      : 'Check that the whole link was copied, or ask the person who sent it for a new one. Meanwhile, the <a href="/">front page</a> has today’s stories.',
    searchForm: false,
  });
  return new NextResponse(html, {
    status: ended ? 410 : 404,
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'private, no-store',
      'Content-Security-Policy': newNoncePolicy().policy,
      'Referrer-Policy': 'no-referrer',
      'X-Robots-Tag': 'noindex',
    },
  });
}

async function limitSearches(request: NextRequest) {
  if (!request.nextUrl.searchParams.get('q')?.trim()) return NextResponse.next(); // the empty form costs nothing
  const allowance = await takeSearchAllowance(clientAddressFrom(request));
  if (allowance.ok) return NextResponse.next();
  const wait = allowance.retryAfterSeconds;
  const html = noticePageHtml({
    siteName: await siteNameForNotices(),
    title: 'Too many searches',
    heading: 'Too many searches at once',
    messageHtml: `So many searches came from your network in the last minute that we have paused them for a moment. Please try again in ${wait} ${wait === 1 ? 'second' : 'seconds'}. Meanwhile, the <a href="/">front page</a> has today’s stories.`,
    searchForm: false,
  });
  return new NextResponse(html, {
    status: 429,
    headers: { 'Content-Type': 'text/html; charset=utf-8', 'Retry-After': String(wait), 'Cache-Control': 'no-store' },
  });
}

async function readerRouting(request: NextRequest) {
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
    const param = searchParams.get('page');
    const page = param && /^[1-9]\d{0,6}$/.test(param) ? Number(param) : 1;
    const pages = await orUnknown(countListPages(kind as ListKind, safeDecode(slug!)));
    if (pages !== undefined && page > pages) return notFoundPage(request, staticRouteKeys.list);
    if (page > 1) {
      const target = request.nextUrl.clone();
      target.pathname = `/${kind}/${slug}/page/${page}`;
      target.search = '';
      return NextResponse.rewrite(target, { headers: cdnKeyHeaders(staticRouteKeys.list) });
    }
    return NextResponse.next({ headers: cdnKeyHeaders(staticRouteKeys.list) });
  }

  const article = ARTICLE.exec(pathname);
  if (article) {
    const [, slug, card] = article;
    // A CDN may keep a 404, 410 or 301 a while too: publishing the slug purges it.
    const addressKeys = [cacheTags.slug(safeDecode(slug!)), cacheTags.publishedLists];
    const answer = await answerArticleAddress(safeDecode(slug!));
    if (answer.kind === 'moved') {
      const target = request.nextUrl.clone();
      target.pathname = `/articles/${answer.slug}${card ?? ''}`;
      return NextResponse.redirect(target, { status: 301, headers: cdnKeyHeaders(addressKeys) });
    }
    if (answer.kind === 'gone') {
      if (card) return new NextResponse('Not found', { status: 404 });
      return new NextResponse(withdrawnPageHtml(await siteNameForNotices()), {
        status: 410,
        // It shows the paper's name: a rename purges it from a CDN too.
        headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'public, max-age=0, s-maxage=60', ...cdnKeyHeaders([...addressKeys, cacheTags.siteSettings]) },
      });
    }
    const id = await orUnknown(findLiveArticleId(safeDecode(slug!)));
    if (id === null) return card ? new NextResponse('Not found', { status: 404 }) : notFoundPage(request, addressKeys);
    if (id) return NextResponse.next({ headers: cdnKeyHeaders(articleKeys({ id, slug: safeDecode(slug!) })) });
  }
  return NextResponse.next();
}

/** The site's 404 page, prerendered once and shared by every address that has none. */
function notFoundPage(request: NextRequest, keys: readonly string[]) {
  return NextResponse.rewrite(new URL(NOT_FOUND_PATH, request.url), { headers: cdnKeyHeaders(keys) });
}

/** Undefined when the database cannot answer: then the page decides, as it would anyway. */
async function orUnknown<T>(answer: Promise<T>): Promise<T | undefined> {
  try {
    return await answer;
  } catch {
    return undefined;
  }
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment; // malformed escapes: no story has such a slug, so the page answers 404
  }
}

export const config = {
  matcher: [
    '/',
    '/corrections',
    '/articles/:slug',
    '/articles/:slug/og.png',
    '/sections/:path*',
    '/authors/:path*',
    '/tags/:path*',
    '/search',
    '/preview/:path*',
    '/newsroom',
    '/newsroom/:path*',
    '/login',
    '/login/:path*',
  ],
};
