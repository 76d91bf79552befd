import { xmlResponse } from '@/lib/reader/responses';
import { buildNewsSitemap } from '@/lib/reader/sitemaps';

export async function GET() {
  return xmlResponse(await buildNewsSitemap());
}
