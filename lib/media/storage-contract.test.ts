import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { localDiskStorage } from './local-disk-storage';
import { s3Storage } from './s3-storage';
import type { MediaStorage } from './storage';

/** What every media store must do; run against local disk, and S3 when S3_TEST_BUCKET is set. */
function storageContract(name: string, make: () => MediaStorage) {
  describe(`${name} media storage`, () => {
    const key = `${'ab12'.repeat(5)}-480.webp`;

    it('stores, returns and deletes an object by key', async () => {
      const storage = make();
      const body = Buffer.from('not really a picture, but bytes are bytes');
      await storage.put(key, body, 'image/webp');
      const got = await storage.get(key);
      expect(got?.body.equals(body)).toBe(true);
      expect(got?.contentType).toBe('image/webp');
      await storage.delete(key);
      expect(await storage.get(key)).toBeNull();
      await storage.delete(key); // deleting twice is fine
    });

    it('answers null for a missing key and refuses keys that are not media keys', async () => {
      const storage = make();
      expect(await storage.get(`${'cd34'.repeat(5)}.jpg`)).toBeNull();
      for (const bad of ['../../etc/passwd', '/etc/passwd', 'x.jpg', `${'ab12'.repeat(5)}.svg`, `${'ab12'.repeat(5)}.jpg/../../x`]) {
        expect(await storage.get(bad)).toBeNull();
        await expect(storage.put(bad, Buffer.from('x'), 'image/jpeg')).rejects.toThrow(/Invalid media key/);
      }
    });
  });
}

storageContract('local disk', () => localDiskStorage(mkdtempSync(join(tmpdir(), 'masthead-storage-'))));

if (process.env.S3_TEST_BUCKET) {
  storageContract('S3', () =>
    s3Storage({
      bucket: process.env.S3_TEST_BUCKET!,
      region: process.env.S3_REGION ?? 'us-east-1',
      endpoint: process.env.S3_ENDPOINT,
      accessKeyId: process.env.S3_ACCESS_KEY_ID,
      secretAccessKey: process.env.S3_SECRET_ACCESS_KEY,
      forcePathStyle: process.env.S3_FORCE_PATH_STYLE === 'true',
      prefix: `contract-test-${Date.now()}/`,
    }),
  );
}
