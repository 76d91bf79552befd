import { xmlResponse } from '@/lib/reader/responses';
import { buildSitemapFile } from '@/lib/reader/sitemaps';

export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const match = /^(\d{1,6})\.xml$/.exec((await params).file);
  const xml = match ? await buildSitemapFile(Number(match[1])) : null;
  return xml ? xmlResponse(xml) : new Response('No such sitemap.', { status: 404 });
}
