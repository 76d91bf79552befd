import 'server-only';
import { localDiskStorage } from './local-disk-storage';
import { s3Storage } from './s3-storage';

export type StoredObject = { body: Buffer; contentType: string };

/** Where media files live. Keys are content-hashed, so objects never change once written. */
export interface MediaStorage {
  put(key: string, body: Buffer, contentType: string): Promise<void>;
  get(key: string): Promise<StoredObject | null>;
  delete(key: string): Promise<void>;
}

/** Keys are `<hash>[-<width>].<ext>`: safe as file names and URL paths. */
export const MEDIA_KEY_PATTERN = /^[a-f0-9]{16,64}(?:-\d{1,5})?\.(?:avif|webp|jpg|png|gif)$/;

const shared = globalThis as unknown as { mastheadMediaStorage?: MediaStorage };

/** Local disk (MEDIA_DIR, default `.data/media`), or S3-compatible storage when S3_BUCKET is set. */
export function mediaStorage(): MediaStorage {
  shared.mastheadMediaStorage ??= process.env.S3_BUCKET
    ? s3Storage({
        bucket: process.env.S3_BUCKET,
        region: process.env.S3_REGION ?? 'us-east-1',
        endpoint: process.env.S3_ENDPOINT || undefined,
        accessKeyId: process.env.S3_ACCESS_KEY_ID,
        secretAccessKey: process.env.S3_SECRET_ACCESS_KEY,
        forcePathStyle: process.env.S3_FORCE_PATH_STYLE === 'true',
        prefix: process.env.S3_PREFIX ?? '',
      })
    : localDiskStorage(process.env.MEDIA_DIR ?? '.data/media');
  return shared.mastheadMediaStorage;
}
