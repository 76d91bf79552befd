import { ImageResponse } from 'next/og';
import { site } from '@/lib/config';
import { formatPublishedTime } from '@/lib/site-time';
import { getPublishedArticleBySlug } from '@/lib/reader/articles';
import { findListPage } from '@/lib/reader/lists';
import { ogFonts } from '@/lib/reader/og-font';
import { PUBLIC_CACHE_CONTROL } from '@/lib/reader/responses';

const size = { width: 1200, height: 630 };

/**
 * Cached like the story's page: made at build time for the newest stories, on first request
 * for the rest, kept per address (the path alone: a query string never makes a new card) and
 * made again when the story changes. The handler must not read the request for that.
 */
export async function generateStaticParams() {
  const { items } = await findListPage('all', 1);
  return items.length > 0 ? items.map((article) => ({ slug: article.slug })) : [{ slug: 'no-stories-yet' }];
}

/** The share card for a story (OpenGraph and structured data): section, headline, byline, date. */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const article = await getPublishedArticleBySlug((await params).slug);
  if (!article) return new Response('Not found', { status: 404 });
  const byline = article.bylines.map((b) => b.name).join(', ');
  return new ImageResponse(
    (
      <div style={{ width: '100%', height: '100%', display: 'flex', flexDirection: 'column', justifyContent: 'space-between', padding: 64, background: '#ffffff', color: '#16181d', fontFamily: 'Geist', borderTop: '16px solid #a3161f' }}>
        <div style={{ fontSize: 28, color: '#a3161f', textTransform: 'uppercase', letterSpacing: 2 }}>{article.section.name}</div>
        <div style={{ fontSize: article.headline.length > 80 ? 52 : 64, lineHeight: 1.15 }}>{article.headline}</div>
        <div style={{ display: 'flex', justifyContent: 'space-between', fontSize: 26, color: '#5b6170' }}>
          <span>{byline ? `By ${byline}` : ''}</span>
          <span>{`${site.name} · ${formatPublishedTime(article.publishedAt)}`}</span>
        </div>
      </div>
    ),
    { ...size, fonts: await ogFonts(), headers: { 'Cache-Control': PUBLIC_CACHE_CONTROL } },
  );
}
