import sharp from 'sharp';
import type { APIRequestContext } from '@playwright/test';

/**
 * Uploads `count` small, different pictures through the upload route the media library
 * uses (one raw file per request), and returns their ids.
 */
export async function uploadPictures(request: APIRequestContext, origin: string, count: number, runId: string): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const png = await sharp({ create: { width: 320, height: 180, channels: 3, background: { r: (i * 37) % 256, g: (i * 91 + Number.parseInt(runId.slice(0, 2), 16)) % 256, b: 120 } } })
      .png()
      .toBuffer();
    const response = await request.post(`${origin}/api/media`, {
      headers: { 'Content-Type': 'application/octet-stream', 'X-Filename': encodeURIComponent(`hostile-${runId}-${i}.png`), Origin: origin },
      data: png,
    });
    if (!response.ok()) throw new Error(`Upload refused (${response.status()}): ${await response.text()}`);
    ids.push(((await response.json()) as { id: string }).id);
  }
  return ids;
}
