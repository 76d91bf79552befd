import { xmlResponse } from '@/lib/reader/responses';
import { buildSitemap } from '@/lib/reader/sitemaps';

export async function GET() {
  return xmlResponse(await buildSitemap());
}
