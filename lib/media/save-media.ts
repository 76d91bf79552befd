import 'server-only';
import type { Executor } from '@/db/client';
import { media } from '@/db/schema';
import type { ProcessedImage } from './process-image';
import { mediaStorage } from './storage';

export type SaveMediaParams = {
  image: ProcessedImage;
  originalFilename: string;
  altText?: string;
  caption?: string;
  credit?: string;
  uploadedBy: string | null;
};

/** Writes a processed image's files to storage and records it in the library. */
export async function saveMedia(db: Executor, params: SaveMediaParams): Promise<{ id: string }> {
  const { image } = params;
  const storage = mediaStorage();
  await storage.put(image.original.key, image.original.body, image.mimeType);
  for (const rendition of image.renditions) {
    await storage.put(rendition.key, rendition.body, `image/${rendition.format}`);
  }
  const [row] = await db
    .insert(media)
    .values({
      storageKey: image.original.key,
      originalFilename: params.originalFilename.slice(0, 255),
      mimeType: image.mimeType,
      width: image.width,
      height: image.height,
      bytes: image.original.bytes,
      sha256: image.sha256,
      renditions: image.renditions.map(({ body: _body, ...rendition }) => rendition),
      blurDataUrl: image.blurDataUrl,
      altText: params.altText ?? '',
      caption: params.caption ?? '',
      credit: params.credit ?? '',
      uploadedBy: params.uploadedBy,
    })
    .returning({ id: media.id });
  return row!;
}
