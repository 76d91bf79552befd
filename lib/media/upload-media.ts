import 'server-only';
import { eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { media } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import { limits } from '@/lib/config';
import { assertCan, type Actor } from '@/lib/permissions';
import { ImageRejectedError, processImage, type ProcessedImage } from './process-image';
import { saveMedia } from './save-media';
import { mediaStorage } from './storage';

/** The largest upload accepted, in bytes (MEDIA_MAX_BYTES, default 20 MB). */
export const maxUploadBytes = limits.maxUploadBytes;

// Image work is CPU and memory heavy: at most two at once per process, the rest wait.
const shared = globalThis as unknown as { mastheadImageSlots?: { free: number; waiting: (() => void)[] } };
const slots = (shared.mastheadImageSlots ??= { free: 2, waiting: [] });
async function withImageSlot<T>(work: () => Promise<T>): Promise<T> {
  if (slots.free === 0) await new Promise<void>((resolve) => slots.waiting.push(resolve));
  else slots.free -= 1;
  try {
    return await work();
  } finally {
    const next = slots.waiting.shift();
    if (next) next();
    else slots.free += 1;
  }
}

export type UploadResult = { id: string; duplicate: boolean };

/**
 * Adds an uploaded file to the library: recognised by its content, processed (metadata
 * stripped, renditions made), stored, recorded. A refused file leaves nothing behind.
 */
export async function uploadImage(actor: Actor, ip: string, file: { bytes: Buffer; filename: string }): Promise<UploadResult> {
  assertCan(actor, 'media.upload');
  if (file.bytes.length > maxUploadBytes()) {
    throw new ImageRejectedError(`The file is larger than ${Math.round(maxUploadBytes() / 1024 / 1024)} MB.`, 413);
  }
  if (file.bytes.length === 0) throw new ImageRejectedError('The file is empty.');
  const image: ProcessedImage = await withImageSlot(() => processImage(file.bytes));
  const [existing] = await db.select({ id: media.id }).from(media).where(eq(media.sha256, image.sha256)).limit(1);
  if (existing) return { id: existing.id, duplicate: true };

  try {
    const saved = await db.transaction(async (tx) => {
      const row = await saveMedia(tx, { image, originalFilename: file.filename.replace(/[^\p{L}\p{N}._ -]/gu, '_'), uploadedBy: actor.id });
      await recordAudit(tx, { actorId: actor.id, action: 'media.uploaded', targetType: 'media', targetId: row.id, ip, details: { filename: file.filename.slice(0, 200) } });
      return row;
    });
    return { id: saved.id, duplicate: false };
  } catch (error) {
    // Nothing was recorded: take the stored files away again.
    const storage = mediaStorage();
    await Promise.allSettled([image.original.key, ...image.renditions.map((r) => r.key)].map((key) => storage.delete(key)));
    throw error;
  }
}
