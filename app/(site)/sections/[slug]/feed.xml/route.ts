import { buildRssFeed } from '@/lib/reader/feeds';
import { rssResponse } from '@/lib/reader/responses';
import { getSectionBySlug } from '@/lib/reader/taxonomy';

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const section = await getSectionBySlug((await params).slug);
  if (!section) return new Response('No such section.', { status: 404 });
  return rssResponse(await buildRssFeed(section));
}
