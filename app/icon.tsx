import { siteIconResponse } from '@/lib/reader/site-icon';

/** The favicon (/icon/32) and the web manifest's icons (/icon/192, /icon/512), from the paper's name. */
export function generateImageMetadata() {
  return [32, 192, 512].map((size) => ({ id: String(size), size: { width: size, height: size }, contentType: 'image/png' }));
}

export default async function Icon({ id }: { id: Promise<string | number> }) {
  return siteIconResponse(Number(await id));
}
