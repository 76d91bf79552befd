/**
 * `npm run dev`: the whole site on this machine with no setup. Uses DATABASE_URL when set,
 * otherwise an embedded PostgreSQL with its data in `.data/`; applies migrations, seeds the
 * demo newsroom on first start, then runs Next. `--production` builds and runs `next start`.
 * The demo accounts (published password) go only into the embedded database, or into
 * DATABASE_URL with `--demo`; never with NODE_ENV=production.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { migrateDatabase } from '@/db/migrate';
import { demoPeople } from '@/db/seed/people';
import { DEMO_PASSWORD } from '@/db/seed/seed-demo-content';
import { startCollabProcess, type CollabProcess } from './lib/collab-process';
import { localAuthSecret } from './lib/local-secrets';
import { NEXT_START_NODE_FLAGS } from './lib/next-start-flags';
import { openLocalDatabase } from './lib/local-database';
import { seedLocalDatabase, type SeedOutcome } from './lib/seed-local-database';

const production = process.argv.includes('--production');
const demoFlag = process.argv.includes('--demo');
const port = process.env.PORT ?? '3000';
const database = await openLocalDatabase();

let next: ChildProcess | undefined;
let collabServer: CollabProcess | undefined;
let stopping = false;
async function stop(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    if (next && next.exitCode === null) {
      next.kill('SIGTERM');
      await new Promise((done) => next!.once('exit', done));
    }
    await collabServer?.stop();
    await database.close();
  }
  process.exit(code);
}
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));

let seed: SeedOutcome | 'off' = 'off';
try {
  await migrateDatabase(database.url);
  if (process.env.MASTHEAD_SEED !== 'off') {
    seed = await seedLocalDatabase({ url: database.url, embedded: database.embedded, demoFlag });
    // Asked for explicitly and still refused (NODE_ENV=production): stop rather than run without.
    if (seed === 'refused' && demoFlag) await stop(1);
  }
} catch (error) {
  console.error(error);
  await stop(1);
}

const collabPort = Number(process.env.COLLAB_PORT ?? Number(port) + 1);
const env: NodeJS.ProcessEnv = {
  ...process.env,
  DATABASE_URL: database.url,
  AUTH_SECRET: process.env.AUTH_SECRET ?? localAuthSecret(),
  SITE_URL: process.env.SITE_URL ?? `http://localhost:${port}`,
  COLLAB_URL: process.env.COLLAB_URL ?? `ws://localhost:${collabPort}`,
  NEXT_TELEMETRY_DISABLED: '1',
};
// The story editor's shared documents live in the collaboration server (docs/collaboration.md).
try {
  collabServer = await startCollabProcess({ port: collabPort, env });
} catch (error) {
  console.error(error);
  await stop(1);
}
const nextBin = 'node_modules/next/dist/bin/next';
const runNext = (args: string[]) => spawn(process.execPath, [...(args[0] === 'start' ? NEXT_START_NODE_FLAGS : []), nextBin, ...args], { stdio: 'inherit', env });

if (production) {
  next = runNext(['build']);
  const code = await new Promise<number>((done) => next!.once('exit', (c) => done(c ?? 1)));
  if (code !== 0) await stop(code);
}
next = runNext([production ? 'start' : 'dev', '--port', port]);
next.once('exit', (code) => void stop(code ?? 0));

const logins = demoPeople
  .slice(0, 3)
  .map((person) => `    ${person.role.padEnd(9)} ${person.email.padEnd(22)} password: ${DEMO_PASSWORD}`)
  .join('\n');
const demoAccounts = seed === 'seeded' || (seed === 'has_accounts' && (database.embedded || demoFlag));
console.log(`
  Masthead is starting at ${env.SITE_URL}
  Database: ${database.embedded ? 'embedded PostgreSQL (data in .data/)' : 'DATABASE_URL'}
  Collaboration server: ${env.COLLAB_URL}
${demoAccounts ? `  Demo logins (newsroom at ${env.SITE_URL}/newsroom):\n${logins}` : `  Newsroom at ${env.SITE_URL}/newsroom`}
`);
