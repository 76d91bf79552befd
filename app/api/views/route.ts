import { isbot } from 'isbot';
import { z } from 'zod';
import { recordView } from '@/lib/analytics/view-counter';
import { clientAddressFrom } from '@/lib/request-context';

const body = z.object({ id: z.string().uuid() });

/**
 * The view beacon. Pages are cached, so a view is counted when the reader's browser
 * reports it, not when a page renders. Bots and malformed reports are not counted.
 */
export async function POST(request: Request) {
  const userAgent = request.headers.get('user-agent') ?? '';
  let parsed;
  try {
    parsed = body.safeParse(JSON.parse(await request.text()));
  } catch {
    parsed = undefined;
  }
  if (!parsed?.success) return Response.json({ error: 'Expected {"id": "<story id>"}.' }, { status: 400 });
  if (!userAgent || isbot(userAgent)) return new Response(null, { status: 204 });
  recordView(parsed.data.id, { address: clientAddressFrom(request), userAgent });
  return new Response(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });
}
