import 'server-only';
import { mediaStorageSettings } from '@/lib/config';
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
  if (!shared.mastheadMediaStorage) {
    const settings = mediaStorageSettings();
    shared.mastheadMediaStorage = 's3' in settings ? s3Storage(settings.s3) : localDiskStorage(settings.directory);
  }
  return shared.mastheadMediaStorage;
}
