import 'server-only';
import { localDiskStorage } from './local-disk-storage';

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

export function mediaStorage(): MediaStorage {
  shared.mastheadMediaStorage ??= localDiskStorage(process.env.MEDIA_DIR ?? '.data/media');
  return shared.mastheadMediaStorage;
}
