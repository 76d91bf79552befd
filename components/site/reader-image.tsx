import type { ReaderImage } from '@/lib/reader/images';

const src = (key: string) => `/media/${key}`;

type Props = {
  image: ReaderImage;
  /** The `sizes` attribute: how wide the image is shown at each viewport width. */
  sizes: string;
  /** The page's main image: load at once, at high priority. */
  priority?: boolean;
  /** Near the top of the page: load at once, at normal priority. */
  eager?: boolean;
  className?: string;
};

/**
 * A picture with AVIF and WebP sources over the width ladder, and a fallback in the
 * original format. Width and height are always set, so nothing shifts while it loads.
 */
export function ReaderImageView({ image, sizes, priority = false, eager = false, className }: Props) {
  const srcSet = (format: string) =>
    image.renditions
      .filter((rendition) => rendition.format === format)
      .map((rendition) => `${src(rendition.key)} ${rendition.width}w`)
      .join(', ');
  const fallbackFormat = image.renditions.find((r) => r.format !== 'avif' && r.format !== 'webp')?.format ?? 'webp';
  const fallbacks = image.renditions.filter((r) => r.format === fallbackFormat);
  const fallback = fallbacks.find((r) => r.width >= 800) ?? fallbacks.at(-1);
  // Every browser that reads srcset in a <picture> also reads WebP (Safari since 14), so
  // with WebP renditions the <img> needs only its src: a second width ladder in the
  // original format would add bytes to every page (twice: HTML and RSC) for no reader.
  const imgSrcSet = fallbackFormat !== 'webp' && image.renditions.some((r) => r.format === 'webp') ? undefined : srcSet(fallbackFormat);
  return (
    <picture>
      <source type="image/avif" srcSet={srcSet('avif')} sizes={sizes} />
      <source type="image/webp" srcSet={srcSet('webp')} sizes={sizes} />
      {/* Renditions are made at upload, so next/image (which would make them again) is not used. */}
      <img
        src={fallback ? src(fallback.key) : undefined}
        srcSet={imgSrcSet}
        sizes={imgSrcSet ? sizes : undefined}
        width={image.width}
        height={image.height}
        alt={image.alt}
        loading={priority || eager ? 'eager' : 'lazy'}
        fetchPriority={priority ? 'high' : undefined}
        decoding={priority ? 'sync' : 'async'}
        className={className}
        style={{ backgroundImage: `url(${image.blurDataUrl})`, backgroundSize: 'cover' }}
      />
    </picture>
  );
}

/** An image with its caption and credit, as a figure. */
export function ReaderFigure({ image, sizes, priority }: Omit<Props, 'className'>) {
  return (
    <figure>
      <ReaderImageView image={image} sizes={sizes} priority={priority} className="h-auto w-full" />
      {(image.caption || image.credit) && (
        <figcaption className="mt-2 font-sans text-sm text-muted">
          {image.caption}
          {image.credit && <span className="ml-1 text-xs uppercase tracking-wide">{image.credit}</span>}
        </figcaption>
      )}
    </figure>
  );
}
