import 'server-only';
import { createHash } from 'node:crypto';
import sharp, { type Sharp } from 'sharp';
import type { MediaRendition } from '@/db/schema';

export const RENDITION_WIDTHS = [240, 480, 800, 1200, 1600] as const;
const MAX_PIXELS = 60_000_000; // a 60-megapixel photo is plenty; bigger is a decompression bomb
const MAX_SIDE = 12_000;

type SourceFormat = 'jpeg' | 'png' | 'webp' | 'avif' | 'gif';
const EXTENSION: Record<SourceFormat, MediaRendition['format']> = {
  jpeg: 'jpeg',
  png: 'png',
  webp: 'webp',
  avif: 'avif',
  gif: 'gif',
};

/** A file that is not an image we accept, with a message a person can act on and an HTTP status. */
export class ImageRejectedError extends Error {
  constructor(
    message: string,
    readonly status: 413 | 415 | 422 = 422,
  ) {
    super(message);
  }
}

export type ProcessedImage = {
  sha256: string;
  mimeType: string;
  width: number;
  height: number;
  /** The full-size original, re-encoded without metadata. */
  original: StoredFile;
  renditions: (MediaRendition & { body: Buffer })[];
  blurDataUrl: string;
};
type StoredFile = { key: string; body: Buffer; bytes: number };

/** Recognises an accepted image by its first bytes, whatever the file is called. */
export function sniffImageFormat(bytes: Buffer): SourceFormat | null {
  const ascii = (start: number, end: number) => bytes.subarray(start, end).toString('latin1');
  if (bytes.length < 12) return null;
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (ascii(0, 6) === 'GIF87a' || ascii(0, 6) === 'GIF89a') return 'gif';
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'webp';
  if (ascii(4, 8) === 'ftyp' && ['avif', 'avis'].includes(ascii(8, 12))) return 'avif';
  return null;
}

// Markup or code inside an image is how polyglot files (an image that is also HTML, a
// script or PHP) get a browser or server to run them. Genuine photos never contain these.
const EMBEDDED_CODE = /<(?:script|html|body|iframe|svg|object|embed|\?php)\b|javascript:/i;

/** The byte offset just past the image's own end marker, where the format has one. */
function endOfImage(bytes: Buffer, format: SourceFormat): number | null {
  switch (format) {
    case 'jpeg': {
      const end = bytes.lastIndexOf(Buffer.from([0xff, 0xd9]));
      return end === -1 ? null : end + 2;
    }
    case 'png': {
      const end = bytes.lastIndexOf(Buffer.from('IEND'));
      return end === -1 ? null : end + 8; // chunk type + CRC
    }
    case 'gif': {
      const end = bytes.lastIndexOf(0x3b);
      return end === -1 ? null : end + 1;
    }
    case 'webp':
      return bytes.length >= 8 ? 8 + bytes.readUInt32LE(4) : null; // RIFF size
    default:
      return null;
  }
}

/** Refuses files that carry something besides the picture: code, or data after its end. */
export function assertNotPolyglot(bytes: Buffer, format: SourceFormat): void {
  if (EMBEDDED_CODE.test(bytes.toString('latin1'))) {
    throw new ImageRejectedError('This file contains code as well as a picture, so it was refused.', 415);
  }
  const end = endOfImage(bytes, format);
  // A few bytes of padding are normal; anything more is another file riding along.
  if (end !== null && bytes.length - end > 16) {
    throw new ImageRejectedError('This file has other data after the picture, so it was refused.', 415);
  }
}

const extensionOf = (format: MediaRendition['format']) => (format === 'jpeg' ? 'jpg' : format);

/**
 * Checks and processes an uploaded image: orientation applied, metadata (EXIF, GPS)
 * stripped, renditions at the width ladder in AVIF, WebP and the original format, and a
 * tiny blurred placeholder. Throws ImageRejectedError for anything else.
 */
export async function processImage(input: Buffer): Promise<ProcessedImage> {
  const format = sniffImageFormat(input);
  if (!format) throw new ImageRejectedError('This file is not a JPEG, PNG, WebP, AVIF or GIF image.', 415);
  assertNotPolyglot(input, format);

  const open = () => sharp(input, { limitInputPixels: MAX_PIXELS, failOn: 'error', pages: 1 }).rotate();
  let width: number;
  let height: number;
  try {
    const metadata = await sharp(input, { limitInputPixels: MAX_PIXELS, failOn: 'error' }).metadata();
    const declared = metadata.format === 'heif' ? 'avif' : metadata.format;
    if (declared !== format) throw new ImageRejectedError('The file’s contents do not match an accepted image format.');
    if (!metadata.width || !metadata.height) throw new ImageRejectedError('The image has no size.');
    if (metadata.width > MAX_SIDE || metadata.height > MAX_SIDE || metadata.width * metadata.height > MAX_PIXELS) {
      throw new ImageRejectedError(`The image is too large (${metadata.width} × ${metadata.height} pixels).`);
    }
    // Orientation 5–8 means the stored pixels are rotated a quarter turn.
    const quarterTurn = (metadata.orientation ?? 1) >= 5;
    width = quarterTurn ? metadata.height : metadata.width;
    height = quarterTurn ? metadata.width : metadata.height;
    // Decode the whole image once, so a truncated or corrupt file is refused here.
    await open().raw().toBuffer({ resolveWithObject: false });
  } catch (error) {
    if (error instanceof ImageRejectedError) throw error;
    throw new ImageRejectedError('The image is damaged or incomplete and could not be read.');
  }

  const sha256 = createHash('sha256').update(input).digest('hex');
  const hash = sha256.slice(0, 20);
  const encode = (pipeline: Sharp, target: MediaRendition['format']) => {
    switch (target) {
      case 'avif':
        return pipeline.avif({ quality: 55, effort: 2 });
      case 'webp':
        return pipeline.webp({ quality: 78 });
      case 'jpeg':
        return pipeline.jpeg({ quality: 82, mozjpeg: true });
      case 'png':
        return pipeline.png({ compressionLevel: 9 });
      case 'gif':
        return pipeline.gif();
    }
  };

  const original = await encode(open(), EXTENSION[format]).toBuffer();
  const widths = [...RENDITION_WIDTHS.filter((w) => w < width), ...(width <= 1600 ? [width] : [])];
  const renditions: ProcessedImage['renditions'] = [];
  const targets = [...new Set<MediaRendition['format']>(['avif', 'webp', EXTENSION[format]])];
  for (const target of targets) {
    for (const w of widths) {
      const { data, info } = await encode(open().resize({ width: w }), target).toBuffer({ resolveWithObject: true });
      renditions.push({
        key: `${hash}-${w}.${extensionOf(target)}`,
        format: target,
        width: info.width,
        height: info.height,
        bytes: data.length,
        body: data,
      });
    }
  }
  const blur = await open().resize({ width: 16 }).webp({ quality: 40 }).toBuffer();

  return {
    sha256,
    mimeType: `image/${format}`,
    width,
    height,
    original: { key: `${hash}.${extensionOf(EXTENSION[format])}`, body: original, bytes: original.length },
    renditions,
    blurDataUrl: `data:image/webp;base64,${blur.toString('base64')}`,
  };
}
