/**
 * Runs a command with PG_SERVER_URL pointing at the embedded PostgreSQL (started here and
 * stopped afterwards), for CI machines without a PostgreSQL service:
 *   npx tsx scripts/ci/with-embedded-postgres.ts bash scripts/ci/production-install.sh
 */
import { spawn } from 'node:child_process';
import { startEmbeddedPostgres } from '@/scripts/lib/embedded-postgres';

const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error('Usage: tsx scripts/ci/with-embedded-postgres.ts <command> [args…]');
  process.exit(2);
}
const embedded = await startEmbeddedPostgres();
const code = await new Promise<number>((done) => {
  const child = spawn(command, args, { stdio: 'inherit', env: { ...process.env, PG_SERVER_URL: embedded.urlFor('postgres') } });
  child.on('exit', (exitCode) => done(exitCode ?? 1));
});
await embedded.stop();
process.exit(code);
