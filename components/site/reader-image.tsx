import type { ReaderImage } from '@/lib/reader/images';
import { ReaderPicture, type PictureLadder } from './reader-picture';

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

/** The AVIF and WebP ladders in their shortest form (see PictureLadder). */
function ladderOf(image: ReaderImage): PictureLadder {
  const of = (format: 'avif' | 'webp') => image.renditions.filter((rendition) => rendition.format === format);
  const [avif, webp] = [of('avif'), of('webp')];
  const stem = avif[0]?.key.slice(0, -`-${avif[0].width}.avif`.length);
  const named = (renditions: typeof avif, format: string) => renditions.every((r, i) => r.key === `${stem}-${r.width}.${format}` && r.width === avif[i]?.width);
  if (stem !== undefined && avif.length === webp.length && named(avif, 'avif') && named(webp, 'webp')) {
    return { stem, widths: avif.map((rendition) => rendition.width) };
  }
  const srcSet = (renditions: typeof avif) => renditions.map((rendition) => `${src(rendition.key)} ${rendition.width}w`).join(', ');
  return { avif: srcSet(avif), webp: srcSet(webp) };
}

/**
 * A picture with AVIF and WebP sources over the width ladder, and a fallback in the
 * original format. Width and height are always set, so nothing shifts while it loads.
 */
export function ReaderImageView({ image, sizes, priority = false, eager = false, className }: Props) {
  const fallbackFormat = image.renditions.find((r) => r.format !== 'avif' && r.format !== 'webp')?.format ?? 'webp';
  const fallbacks = image.renditions.filter((r) => r.format === fallbackFormat);
  const fallback = fallbacks.find((r) => r.width >= 800) ?? fallbacks.at(-1);
  // Every browser that reads srcset in a <picture> also reads WebP (Safari since 14), so
  // with WebP renditions the <img> needs only its src: a second width ladder in the
  // original format would add bytes to every page (twice: HTML and RSC) for no reader.
  const fallbackSrcSet =
    fallbackFormat !== 'webp' && image.renditions.some((r) => r.format === 'webp')
      ? undefined
      : fallbacks.map((rendition) => `${src(rendition.key)} ${rendition.width}w`).join(', ');
  return (
    <ReaderPicture
      ladder={ladderOf(image)}
      sizes={sizes}
      fallback={fallback?.key}
      fallbackSrcSet={fallbackSrcSet}
      width={image.width}
      height={image.height}
      alt={image.alt}
      blurDataUrl={image.blurDataUrl}
      load={priority ? 'high' : eager ? 'eager' : 'lazy'}
      className={className}
    />
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
