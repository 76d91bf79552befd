import { checkHealth } from '@/lib/health';

/** 200 when the database answers within a second and has every committed migration, else 503 with a message. */
export async function GET() {
  const health = await checkHealth();
  return Response.json(health, {
    status: health.ok ? 200 : 503,
    headers: { 'Cache-Control': 'no-store' },
  });
}
