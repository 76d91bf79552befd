import { isDatabaseUnavailable, unavailableMessage } from '@/db/unavailable';
import { getCurrentUser } from '@/lib/auth/current-user';
import { malformedForwarding } from '@/lib/http/forwarded-headers';
import { readBoundedBody } from '@/lib/http/read-body';
import { isSameOriginRequest } from '@/lib/http/same-origin';
import { logError, requestIdFrom } from '@/lib/log';
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
  const forwarding = malformedForwarding(request.headers);
  if (forwarding) return refuse(400, forwarding);
  const user = await getCurrentUser();
  if (!user) return refuse(401, 'Your session has ended. Sign in again to upload.');
  if (!can(user, 'media.upload')) return refuse(403, 'You do not have permission to upload pictures.');
  // Cookies are SameSite=Lax already; refuse cross-site requests outright as well.
  if (!isSameOriginRequest(request)) return refuse(403, 'Uploads must come from the newsroom.');
  const limit = maxUploadBytes();
  const body = await readBoundedBody(request, limit);
  if (!body.ok && body.status === 413) return refuse(413, `The file is larger than ${Math.round(limit / 1024 / 1024)} MB.`);
  if (!body.ok) return refuse(400, 'The file did not arrive whole. Please try again.');
  let filename = 'upload';
  try {
    filename = decodeURIComponent(request.headers.get('x-filename') ?? 'upload').slice(0, 255) || 'upload';
  } catch {
    // A malformed name is not a reason to refuse the picture.
  }
  try {
    const result = await uploadImage(user, clientAddressFrom(request), { bytes: body.bytes, filename });
    return Response.json(result, { status: result.duplicate ? 200 : 201 });
  } catch (error) {
    if (error instanceof ImageRejectedError) return refuse(error.status, error.message);
    if (isDatabaseUnavailable(error)) return refuse(503, unavailableMessage(error));
    logError('Upload failed', error, requestIdFrom(request.headers));
    return refuse(500, 'The picture could not be saved. Please try again.');
  }
}
