import { readdirSync } from 'node:fs';
import { crc32, deflateSync } from 'node:zlib';
import { count } from 'drizzle-orm';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { POST } from '@/app/api/media/route';
import { db } from '@/db/client';
import { media } from '@/db/schema';
import { createUser } from '@/test/factories';
import { signInAs } from '@/test/session';

const upload = (body: Buffer, filename: string) =>
  POST(new Request('http://localhost/api/media', { method: 'POST', body: new Uint8Array(body), headers: { 'x-filename': encodeURIComponent(filename) } }));

const files = () => readdirSync(process.env.MEDIA_DIR!).length;
const rows = async () => (await db.select({ n: count() }).from(media))[0]!.n;

function pngChunk(type: string, data: Buffer) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A tiny file that declares a 100,000 × 100,000 picture: decoding it would need 30 GB. */
function pngBomb() {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(100_000, 0);
  header.writeUInt32BE(100_000, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(Buffer.alloc(1000))),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

const photo = () => sharp({ create: { width: 640, height: 480, channels: 3, background: '#3a6ea5' } }).jpeg().toBuffer();

describe('uploads that must be refused', () => {
  it.each([
    ['a text file called .jpg', async () => Buffer.from('This is plainly not a picture, whatever its name says.'), 'notes.jpg', 415],
    ['an SVG with a script', async () => Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), 'logo.svg', 415],
    ['an SVG renamed .png', async () => Buffer.from('<?xml version="1.0"?><svg onload="alert(1)"/>'), 'pic.png', 415],
    ['a truncated JPEG', async () => (await photo()).subarray(0, 900), 'cut.jpg', 422],
    ['a JPEG with HTML appended (a polyglot)', async () => Buffer.concat([await photo(), Buffer.from('<html><script>alert(document.cookie)</script></html>')]), 'poly.jpg', 415],
    ['a JPEG with a second file riding along', async () => Buffer.concat([await photo(), Buffer.alloc(4096, 7)]), 'tail.jpg', 415],
    ['an image bomb with huge dimensions', async () => pngBomb(), 'bomb.png', 422],
  ])('%s', async (_label, make, filename, status) => {
    await signInAs((await createUser({ role: 'reporter' })).id);
    const [filesBefore, rowsBefore] = [files(), await rows()];
    const started = Date.now();
    const response = await upload(await make(), filename);
    expect(response.status).toBe(status);
    expect((await response.json()).error).toMatch(/\w/);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(files()).toBe(filesBefore);
    expect(await rows()).toBe(rowsBefore);
  });

  it('refuses a file over the size limit without reading it all', async () => {
    await signInAs((await createUser({ role: 'reporter' })).id);
    process.env.MEDIA_MAX_BYTES = '1000';
    try {
      const response = await upload(await photo(), 'big.jpg');
      expect(response.status).toBe(413);
    } finally {
      delete process.env.MEDIA_MAX_BYTES;
    }
  });

  it('refuses people who may not upload', async () => {
    await signInAs(null);
    expect((await upload(await photo(), 'a.jpg')).status).toBe(401);
  });
});

describe('a good upload', () => {
  it('is turned right way up, stripped of location data, and stored in every rendition', async () => {
    await signInAs((await createUser({ role: 'reporter' })).id);
    const taken = await sharp({ create: { width: 1200, height: 800, channels: 3, background: '#886644' } })
      .jpeg()
      .withMetadata({ orientation: 6, exif: { IFD0: { Make: 'TestCam' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '37/1 33/1 0/1' } } })
      .toBuffer();
    expect((await sharp(taken).metadata()).exif).toBeDefined();
    const response = await upload(taken, 'photo.jpg');
    expect(response.status).toBe(201);
    const { id } = await response.json();
    const [row] = await db.select().from(media).where((await import('drizzle-orm')).eq(media.id, id));
    expect([row!.width, row!.height]).toEqual([800, 1200]);
    expect(row!.renditions.map((r) => `${r.format}:${r.width}`)).toEqual(
      expect.arrayContaining(['avif:240', 'webp:480', 'jpeg:800', 'webp:800']),
    );
    const { mediaStorage } = await import('./storage');
    const stored = await mediaStorage().get(row!.storageKey);
    const meta = await sharp(stored!.body).metadata();
    expect(meta.exif).toBeUndefined();
    expect(meta.orientation ?? 1).toBe(1);
    expect(row!.blurDataUrl).toMatch(/^data:image\/webp;base64,/);

    // The same picture again is recognised, not stored twice.
    const again = await upload(taken, 'copy.jpg');
    expect(again.status).toBe(200);
    expect((await again.json()).id).toBe(id);
  });
});
