/**
 * The server Playwright tests run against: a fresh `masthead_e2e` database (`E2E_DATABASE`; migrated and
 * seeded with the demo newsroom), then a production build served by `next start`, and the
 * collaboration server on `COLLAB_PORT` (its process id in `.data/e2e-collab-<port>.pid`, so a
 * test can restart it).
 */
import { mkdirSync } from 'node:fs';
import { collabPidFile } from '../e2e/support/collab';
import { startProductionServer } from './lib/production-server';

const collabPort = Number(process.env.COLLAB_PORT ?? Number(process.env.E2E_PORT ?? 3100) + 1);
mkdirSync('.data', { recursive: true });

const server = await startProductionServer({
  database: process.env.E2E_DATABASE ?? 'masthead_e2e',
  port: Number(process.env.E2E_PORT ?? 3100),
  build: process.env.E2E_SKIP_BUILD !== '1',
  collab: { port: collabPort, pidFile: collabPidFile(collabPort) },
}).catch((error) => {
  console.error(error);
  process.exit(1);
});
const stop = () => void server.stop().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
