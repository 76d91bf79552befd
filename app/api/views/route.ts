import { isbot } from 'isbot';
import { z } from 'zod';
import { recordView } from '@/lib/analytics/view-counter';
import { readBoundedText } from '@/lib/http/read-body';
import { clientAddressFrom } from '@/lib/request-context';

const body = z.object({ id: z.string().uuid() });
/** A report is `{"id":"<uuid>"}`, about 50 bytes; anything much larger is not a report. */
const MAX_BODY_BYTES = 1024;

/**
 * The view beacon. Pages are cached, so a view is counted when the reader's browser
 * reports it, not when a page renders. Bots and malformed reports are not counted.
 */
export async function POST(request: Request) {
  const userAgent = request.headers.get('user-agent') ?? '';
  const text = await readBoundedText(request, MAX_BODY_BYTES);
  if (!text.ok) {
    const error = text.status === 413 ? `A view report is at most ${MAX_BODY_BYTES} bytes.` : 'The report did not arrive whole.';
    return Response.json({ error }, { status: text.status });
  }
  let parsed;
  try {
    parsed = body.safeParse(JSON.parse(text.text));
  } catch {
    parsed = undefined;
  }
  if (!parsed?.success) return Response.json({ error: 'Expected {"id": "<story id>"}.' }, { status: 400 });
  if (!userAgent || isbot(userAgent)) return new Response(null, { status: 204 });
  recordView(parsed.data.id, { address: clientAddressFrom(request), userAgent });
  return new Response(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });
}
