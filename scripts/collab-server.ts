/**
 * The collaboration server on its own (`npm run collab`; `npm run dev` starts it beside the
 * app): Hocuspocus holding the stories being edited, on COLLAB_HOST:COLLAB_PORT, with the
 * app's AUTH_SECRET and DATABASE_URL, taking connections from SITE_URL's pages only. See
 * docs/collaboration.md.
 */
import { collab, database, runtime, site } from '@/lib/config';
import { createCollabServer } from '@/lib/collab/collab-server';
import { collabOrigins } from '@/lib/collab/origin';

const databaseUrl = database.url();
if (!databaseUrl) {
  console.error('DATABASE_URL is not set.');
  process.exit(1);
}
const instance = createCollabServer({
  port: collab.port(),
  host: collab.host(),
  secret: collab.signingSecret(),
  databaseUrl,
  redisUrl: collab.redisUrl(),
  recheckMs: collab.recheckMs(),
  allowedOrigins: collabOrigins(site.url, runtime.isProduction()),
});
const address = await instance.start();
console.log(`Collaboration server listening on ws://${address.address}:${address.port}${collab.redisUrl() ? ' (sharing documents through Redis)' : ''}`);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await instance.stop().catch((error) => console.error(error));
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
