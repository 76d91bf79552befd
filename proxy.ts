import { NextResponse, type NextRequest } from 'next/server';
import { auth } from '@/lib/auth/auth';
import { answerArticleAddress } from '@/lib/reader/article-addresses';
import { withdrawnPageHtml } from '@/lib/reader/withdrawn-page';
import { newsroomContentSecurityPolicy } from '@/lib/security-headers';

const LIST_PAGE = /^\/(sections|authors|tags)\/([^/]+)(?:\/page\/(\d+))?$/;
const ARTICLE = /^\/articles\/([^/]+)$/;

/**
 * Routing that must happen before any page renders. It never decides who may do what:
 * every page and action checks that itself, in lib/.
 * - Newsroom and sign-in pages: a per-response CSP nonce, the session cookie renewed while
 *   the person works (the idle timeout), and signed-out visitors sent to /login.
 * - `/articles/<old slug>` → 301 to the story's new slug; a withdrawn story → 410.
 * - `/sections/x?page=3` is served from the route `/sections/x/page/3`, so that every
 *   page of a list is cached like the first (a query string would make it dynamic).
 */
export async function proxy(request: NextRequest, event: Parameters<typeof newsroom>[1]) {
  const { pathname } = request.nextUrl;
  if (pathname === '/newsroom' || pathname.startsWith('/newsroom/') || pathname === '/login' || pathname.startsWith('/login/')) {
    return newsroom(request, event);
  }
  return readerRouting(request);
}

const newsroom = auth((request) => {
  const { pathname, search } = request.nextUrl;
  if (pathname.startsWith('/newsroom') && !request.auth?.userId) {
    const login = new URL('/login', request.url);
    login.searchParams.set('next', pathname + search);
    return NextResponse.redirect(login);
  }
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
  const policy = newsroomContentSecurityPolicy(nonce, process.env.NODE_ENV === 'development');
  const headers = new Headers(request.headers);
  headers.set('x-nonce', nonce);
  headers.set('Content-Security-Policy', policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('Content-Security-Policy', policy);
  return response;
});

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

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment; // malformed escapes: no story has such a slug, so the page answers 404
  }
}

export const config = {
  matcher: ['/articles/:slug', '/sections/:path*', '/authors/:path*', '/tags/:path*', '/newsroom', '/newsroom/:path*', '/login', '/login/:path*'],
};
