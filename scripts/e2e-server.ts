/**
 * The server Playwright tests run against: a fresh `masthead_e2e` database (`E2E_DATABASE`; migrated and
 * seeded with the demo newsroom), then a production build served by `next start`.
 */
import { startProductionServer } from './lib/production-server';

const server = await startProductionServer({
  database: process.env.E2E_DATABASE ?? 'masthead_e2e',
  port: Number(process.env.E2E_PORT ?? 3100),
  build: process.env.E2E_SKIP_BUILD !== '1',
}).catch((error) => {
  console.error(error);
  process.exit(1);
});
const stop = () => void server.stop().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
