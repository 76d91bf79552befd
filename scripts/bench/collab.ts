/**
 * `npm run bench:collab`: real-time co-editing under load (issue 15). On its own database
 * (the demo newsroom, plus the bench's staff and stories), the collaboration server runs as
 * its own process and 50 editors on 10 stories type into it for 30 s; it prints how soon
 * each edit reached everyone else in the story, whether any edit was lost, and the
 * server's memory and CPU, and writes them to bench/results/collab-<time>.json.
 * `npm run bench` runs the same measurement as its `collab` phase.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { connect } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { seedDemoContent } from '@/db/seed/seed-demo-content';
import { assertLocalDatabase, createDatabase } from '../lib/databases';
import { startEmbeddedPostgres } from '../lib/embedded-postgres';
import { COLLAB_DEFAULTS, formatCollabResult, runCollabBench } from './collab-run';

const COLLAB_USAGE = `npm run bench:collab -- [options]

  --editors N         people typing (default 50), spread evenly over the stories
  --stories N         stories they share (default 10; each also has its reporter among the editors)
  --duration S        seconds of typing (default 30)
  --interval A-B      each editor's pause between edits, in ms (default 200-500)
  --port N            the collaboration server's port (default 3108)
  --servers N         collaboration servers sharing the stories through REDIS_URL, on the
                      next ports (default 1); a story's editors take turns between them
  --database NAME     default masthead_bench_collab (dropped and re-created unless --reuse-data)
  --reuse-data        keep the database and the staff from the last run (new stories each run)`;

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: {
    editors: { type: 'string', default: String(COLLAB_DEFAULTS.editors) },
    stories: { type: 'string', default: String(COLLAB_DEFAULTS.stories) },
    duration: { type: 'string', default: String(COLLAB_DEFAULTS.seconds) },
    interval: { type: 'string', default: `${COLLAB_DEFAULTS.minIntervalMs}-${COLLAB_DEFAULTS.maxIntervalMs}` },
    port: { type: 'string', default: String(COLLAB_DEFAULTS.port) },
    servers: { type: 'string', default: String(COLLAB_DEFAULTS.servers) },
    database: { type: 'string', default: 'masthead_bench_collab' },
    'reuse-data': { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  console.log(COLLAB_USAGE);
  process.exit(0);
}
const whole = (name: string, value: string, min: number) => {
  const number = Number(value);
  if (!Number.isInteger(number) || number < min) throw new Error(`--${name} must be a whole number of at least ${min} (got "${value}").\n\n${COLLAB_USAGE}`);
  return number;
};
const interval = /^(\d+)-(\d+)$/.exec(values.interval);
if (!interval || Number(interval[1]) < 10 || Number(interval[2]) < Number(interval[1])) throw new Error(`--interval must be A-B in ms, 10 <= A <= B (got "${values.interval}").\n\n${COLLAB_USAGE}`);
if (!/^masthead_\w+$/.test(values.database)) throw new Error('--database must start with masthead_ (it is dropped and re-created).');
const options = {
  editors: whole('editors', values.editors, 2),
  stories: whole('stories', values.stories, 1),
  seconds: whole('duration', values.duration, 1),
  minIntervalMs: Number(interval[1]),
  maxIntervalMs: Number(interval[2]),
  port: whole('port', values.port, 1),
  servers: whole('servers', values.servers, 1),
};
if (options.editors < options.stories * 2) throw new Error('--editors must be at least twice --stories: each story needs someone to see the edits.');

const began = Date.now();
const log = (line: string) => console.log(`[bench:collab ${((Date.now() - began) / 1000).toFixed(0)} s] ${line}`);
const startedAt = new Date();
const embedded = process.env.DATABASE_URL ? undefined : await startEmbeddedPostgres(log);
try {
  const serverUrl = process.env.DATABASE_URL ?? embedded!.urlFor('postgres');
  assertLocalDatabase(serverUrl);
  const databaseUrl = await createDatabase({ serverUrl, name: values.database, replace: !values['reuse-data'] });
  await migrateDatabase(databaseUrl);
  const { db, client } = connect(databaseUrl, { max: 1 });
  await seedDemoContent(db).finally(() => client.end());

  const result = await runCollabBench({ databaseUrl, log, ...options });
  console.log(`\n${formatCollabResult(result)}\n`);
  mkdirSync('bench/results', { recursive: true });
  const file = `bench/results/collab-${startedAt.toISOString().replace(/[:.]/g, '-')}.json`;
  const report = {
    measuredAt: startedAt.toISOString(),
    command: `npm run bench:collab -- ${process.argv.slice(2).join(' ')}`.trim(),
    node: process.version,
    machine: { cpus: cpus().length, model: cpus()[0]?.model ?? 'unknown CPU', memoryGiB: Math.round(totalmem() / 2 ** 30) },
    collab: result,
  };
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`Wrote ${file}`);
  const lost = result.lost.editorDocuments + result.lost.storedDocuments + result.lost.workingCopies;
  if (lost > 0) {
    console.error(`${lost} edits were lost.`);
    process.exitCode = 1;
  }
} finally {
  await embedded?.stop();
}
process.exit(process.exitCode ?? 0);
