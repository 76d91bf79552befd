'use client';

/**
 * The AVIF and WebP width ladders of a picture: as a stem and widths when every rendition
 * is named `<stem>-<width>.<format>` (what uploads make), else as whole srcset strings.
 */
export type PictureLadder = { stem: string; widths: number[] } | { avif: string; webp: string };

export type ReaderPictureProps = {
  ladder: PictureLadder;
  sizes: string;
  /** The fallback `<img>`'s rendition key, and its own srcset when there is no WebP ladder. */
  fallback?: string;
  fallbackSrcSet?: string;
  width: number;
  height: number;
  alt: string;
  blurDataUrl: string;
  /** high: the page's main image; eager: near the top of the page. */
  load: 'high' | 'eager' | 'lazy';
  className?: string;
};

const srcSetOf = (ladder: PictureLadder, format: 'avif' | 'webp') =>
  'stem' in ladder ? ladder.widths.map((width) => `/media/${ladder.stem}-${width}.${format} ${width}w`).join(', ') : ladder[format];

/**
 * The `<picture>` itself, a client component only so that the page's RSC payload carries
 * these few props instead of the markup: two width ladders of five addresses each were
 * about 1.1 KB per picture, written once in the HTML and again in the payload. It renders
 * the same elements on the server, and nothing changes once it hydrates.
 */
export function ReaderPicture({ ladder, sizes, fallback, fallbackSrcSet, width, height, alt, blurDataUrl, load, className }: ReaderPictureProps) {
  return (
    <picture>
      <source type="image/avif" srcSet={srcSetOf(ladder, 'avif')} sizes={sizes} />
      <source type="image/webp" srcSet={srcSetOf(ladder, 'webp')} sizes={sizes} />
      {/* Renditions are made at upload, so next/image (which would make them again) is not used. */}
      <img
        src={fallback ? `/media/${fallback}` : undefined}
        srcSet={fallbackSrcSet}
        sizes={fallbackSrcSet ? sizes : undefined}
        width={width}
        height={height}
        alt={alt}
        loading={load === 'lazy' ? 'lazy' : 'eager'}
        fetchPriority={load === 'high' ? 'high' : undefined}
        decoding={load === 'high' ? 'sync' : 'async'}
        className={className}
        style={{ backgroundImage: `url(${blurDataUrl})`, backgroundSize: 'cover' }}
      />
    </picture>
  );
}
