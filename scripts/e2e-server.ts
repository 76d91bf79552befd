/**
 * The server Playwright tests run against: a fresh `masthead_e2e` database (migrated and
 * seeded with the demo newsroom) on DATABASE_URL's server or the embedded one, then a
 * production build served by `next start`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { connect } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { seedDemoContent } from '@/db/seed/seed-demo-content';
import { assertLocalDatabase, createDatabase } from './lib/databases';
import { startEmbeddedPostgres } from './lib/embedded-postgres';

const port = process.env.E2E_PORT ?? '3100';
const embedded = process.env.DATABASE_URL ? undefined : await startEmbeddedPostgres();
const serverUrl = process.env.DATABASE_URL ?? embedded!.urlFor('postgres');

let next: ChildProcess | undefined;
let stopping = false;
async function stop(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    if (next && next.exitCode === null) {
      next.kill('SIGTERM');
      await new Promise((done) => next!.once('exit', done));
    }
    await embedded?.stop();
  }
  process.exit(code);
}
process.on('SIGTERM', () => void stop(0));
process.on('SIGINT', () => void stop(0));

try {
  assertLocalDatabase(serverUrl);
  const url = await createDatabase({ serverUrl, name: 'masthead_e2e', replace: true });
  await migrateDatabase(url);
  const { db, client } = connect(url, { max: 1 });
  await seedDemoContent(db).finally(() => client.end());

  const env = {
    ...process.env,
    DATABASE_URL: url,
    SITE_URL: `http://localhost:${port}`,
    AUTH_SECRET: process.env.AUTH_SECRET ?? 'e2e-only-secret-not-used-anywhere-else',
    AUTH_TRUST_HOST: 'true',
    NEXT_TELEMETRY_DISABLED: '1',
  };
  const run = (args: string[]) => spawn(process.execPath, ['node_modules/next/dist/bin/next', ...args], { stdio: 'inherit', env });
  if (process.env.E2E_SKIP_BUILD !== '1') {
    next = run(['build']);
    const code = await new Promise<number>((done) => next!.once('exit', (c) => done(c ?? 1)));
    if (code !== 0) await stop(code);
  }
  next = run(['start', '--port', port]);
  next.once('exit', (code) => void stop(code ?? 1));
} catch (error) {
  console.error(error);
  await stop(1);
}
