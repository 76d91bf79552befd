import { rssResponse } from '@/lib/reader/responses';
import { buildRssFeed } from '@/lib/reader/feeds';

export async function GET() {
  return rssResponse(await buildRssFeed(null));
}
