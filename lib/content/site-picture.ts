import type { MediaRendition } from '@/db/schema';

/** A library picture the site uses as its logo or share image, as one file to link to. */
export type SitePicture = {
  id: string;
  path: string;
  width: number;
  height: number;
  alt: string;
  /** WebP renditions for `<img srcset>` on the site itself (empty when there are none). */
  srcSet: string;
};

type Source = { id: string; width: number; height: number; alt: string; storageKey: string; renditions: MediaRendition[] };

// Social sites and search engines read JPEG, PNG and GIF everywhere; WebP not always, AVIF rarely.
const SHAREABLE: ReadonlySet<MediaRendition['format']> = new Set(['jpeg', 'png', 'gif']);
const WANTED_WIDTH = 1200;

/**
 * The rendition to link: in a widely read format, the smallest at least 1200 px wide (the
 * size Facebook and Google ask for), else the widest; the processed original when no
 * rendition is in such a format.
 */
export function pictureForUse(source: Source): SitePicture {
  const usable = source.renditions.filter((r) => SHAREABLE.has(r.format)).sort((a, b) => a.width - b.width);
  const chosen = usable.find((r) => r.width >= WANTED_WIDTH) ?? usable.at(-1);
  const srcSet = source.renditions
    .filter((r) => r.format === 'webp')
    .map((r) => `/media/${r.key} ${r.width}w`)
    .join(', ');
  if (!chosen) return { id: source.id, path: `/media/${source.storageKey}`, width: source.width, height: source.height, alt: source.alt, srcSet };
  return { id: source.id, path: `/media/${chosen.key}`, width: chosen.width, height: chosen.height, alt: source.alt, srcSet };
}
