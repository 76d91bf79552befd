import { getCurrentUser } from '@/lib/auth/current-user';
import { ImageRejectedError } from '@/lib/media/process-image';
import { maxUploadBytes, uploadImage } from '@/lib/media/upload-media';
import { can } from '@/lib/permissions';
import { clientAddressFrom } from '@/lib/request-context';

const refuse = (status: number, error: string) => Response.json({ error }, { status, headers: { 'Cache-Control': 'no-store' } });

/**
 * Uploads one picture: the raw file is the request body and its name is in X-Filename.
 * (One file per request, so the newsroom page can show each file's progress.)
 */
export async function POST(request: Request) {
  const user = await getCurrentUser();
  if (!user) return refuse(401, 'Your session has ended. Sign in again to upload.');
  if (!can(user, 'media.upload')) return refuse(403, 'You do not have permission to upload pictures.');
  // Cookies are SameSite=Lax already; refuse cross-site requests outright as well.
  const origin = request.headers.get('origin');
  if (origin && new URL(origin).host !== new URL(request.url).host && origin !== process.env.SITE_URL) {
    return refuse(403, 'Uploads must come from the newsroom.');
  }
  const limit = maxUploadBytes();
  if (Number(request.headers.get('content-length') ?? 0) > limit) {
    return refuse(413, `The file is larger than ${Math.round(limit / 1024 / 1024)} MB.`);
  }
  const bytes = await readLimited(request, limit);
  if (!bytes) return refuse(413, `The file is larger than ${Math.round(limit / 1024 / 1024)} MB.`);
  let filename = 'upload';
  try {
    filename = decodeURIComponent(request.headers.get('x-filename') ?? 'upload').slice(0, 255) || 'upload';
  } catch {
    // A malformed name is not a reason to refuse the picture.
  }
  try {
    const result = await uploadImage(user, clientAddressFrom(request), { bytes, filename });
    return Response.json(result, { status: result.duplicate ? 200 : 201 });
  } catch (error) {
    if (error instanceof ImageRejectedError) return refuse(error.status, error.message);
    console.error('Upload failed', error);
    return refuse(500, 'The picture could not be saved. Please try again.');
  }
}

/** The body, or null as soon as it passes `limit` bytes (without reading the rest). */
async function readLimited(request: Request, limit: number): Promise<Buffer | null> {
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
