import { NextRequest } from 'next/server';
import { handlers } from '@/lib/auth/auth';
import { readBoundedBody } from '@/lib/http/read-body';

export const { GET } = handlers;

// Auth.js reads the whole body itself; its forms (CSRF token, email, password, address to
// return to) are a few hundred bytes, so read at most this much before handing it over.
const MAX_BODY_BYTES = 16 * 1024;

export async function POST(request: NextRequest) {
  const body = await readBoundedBody(request, MAX_BODY_BYTES);
  if (!body.ok) return Response.json({ error: body.status === 413 ? 'Request too large.' : 'Request incomplete.' }, { status: body.status });
  const headers = new Headers(request.headers);
  headers.delete('content-length');
  return handlers.POST(new NextRequest(request.url, { method: 'POST', headers, body: new Uint8Array(body.bytes) }));
}
