import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDiskStorage } from './local-disk-storage';
import { s3Storage } from './s3-storage';
import type { MediaStorage } from './storage';

/**
 * What every media store must do; run against local disk, an S3-compatible server started
 * here (s3rver, on a free port), and a real bucket when S3_TEST_BUCKET is set.
 */
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

describe('against an S3-compatible server', () => {
  const directory = mkdtempSync(join(tmpdir(), 'masthead-s3rver-'));
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, configureBuckets: [{ name: 'masthead-media', configs: [] }] });
  let endpoint = '';
  beforeAll(async () => {
    endpoint = `http://127.0.0.1:${(await server.run()).port}`;
  });
  afterAll(async () => {
    await server.close();
    rmSync(directory, { recursive: true, force: true });
  });

  const settings = () => ({
    bucket: 'masthead-media',
    region: 'us-east-1',
    endpoint,
    accessKeyId: 'S3RVER', // s3rver's own credentials
    secretAccessKey: 'S3RVER',
    forcePathStyle: true,
    prefix: 'media/',
  });
  storageContract('s3rver', () => s3Storage(settings()));

  it('keeps each object in the bucket under the prefix, where any S3 client finds it', async () => {
    const key = `${'ef56'.repeat(5)}-800.jpg`;
    await s3Storage(settings()).put(key, Buffer.from('bytes in the bucket'), 'image/jpeg');
    const client = new S3Client({ region: 'us-east-1', endpoint, forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } });
    const object = await client.send(new GetObjectCommand({ Bucket: 'masthead-media', Key: `media/${key}` }));
    expect(Buffer.from(await object.Body!.transformToByteArray()).toString()).toBe('bytes in the bucket');
    expect(object.CacheControl).toBe('public, max-age=31536000, immutable');
  });
});

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
