import { spawn, type ChildProcess } from 'node:child_process';
import { connect } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { seedDemoContent } from '@/db/seed/seed-demo-content';
import { startCollabProcess, type CollabProcess } from './collab-process';
import { NEXT_START_NODE_FLAGS } from './next-start-flags';
import { assertLocalDatabase, createDatabase } from './databases';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded-postgres';

export type ProductionServer = {
  url: string;
  databaseUrl: string;
  /** The `next start` process (for reading its memory). */
  pid: number;
  stop(): Promise<void>;
};

export type StartProductionServerParams = {
  /** A database name: it is dropped, created, migrated and seeded with the demo newsroom. */
  database: string;
  port: number;
  build: boolean;
  log?: (line: string) => void;
  /** Keep the database if it exists (a benchmark reusing generated data). */
  keepDatabase?: boolean;
  /** Runs on the fresh database after seeding, before the build. */
  prepare?: (databaseUrl: string) => Promise<void>;
  /** Receives what `next start` prints (it is still echoed), e.g. to catch server errors. */
  onServerOutput?: (text: string) => void;
  /** Extra Node.js flags for `next start` (a benchmark's `--cpu-prof`). */
  nodeArgs?: string[];
  /** false: give the server's output only to onServerOutput (a load run's request logs would flood the terminal). */
  echoServerOutput?: boolean;
  /** Also run the collaboration server on this port (the story editor needs it). */
  collab?: { port: number; pidFile?: string };
};

/**
 * `next build` + `next start` on a freshly seeded database, on DATABASE_URL's server or the
 * embedded one: what browser tests and benchmarks run against.
 */
export async function startProductionServer(params: StartProductionServerParams): Promise<ProductionServer> {
  const log = params.log ?? console.log;
  const embedded: EmbeddedPostgres | undefined = process.env.DATABASE_URL ? undefined : await startEmbeddedPostgres(log);
  const serverUrl = process.env.DATABASE_URL ?? embedded!.urlFor('postgres');
  let next: ChildProcess | undefined;
  let collab: CollabProcess | undefined;
  const stop = async () => {
    if (next && next.exitCode === null && next.signalCode === null) {
      next.kill('SIGTERM');
      await new Promise((done) => next!.once('exit', done));
    }
    await collab?.stop();
    await embedded?.stop();
  };
  try {
    assertLocalDatabase(serverUrl);
    const databaseUrl = await createDatabase({ serverUrl, name: params.database, replace: !params.keepDatabase });
    await migrateDatabase(databaseUrl);
    const { db, client } = connect(databaseUrl, { max: 1 });
    await seedDemoContent(db).finally(() => client.end());
    await params.prepare?.(databaseUrl);
    const url = `http://localhost:${params.port}`;
    const collabEnv: Record<string, string> = params.collab ? { COLLAB_URL: `ws://localhost:${params.collab.port}` } : {};
    if (params.collab) collab = await startCollabProcess({ port: params.collab.port, env: nextEnv(databaseUrl, url, collabEnv), pidFile: params.collab.pidFile, log });
    if (params.build) {
      const build = spawnNext(['build'], nextEnv(databaseUrl, url, collabEnv), 'inherit');
      const code = await new Promise<number>((done) => build.once('exit', (c) => done(c ?? 1)));
      if (code !== 0) throw new Error(`next build failed (${code})`);
    }
    next = await startNextServer({ databaseUrl, port: params.port, onServerOutput: params.onServerOutput, echo: params.echoServerOutput, nodeArgs: params.nodeArgs, env: collabEnv });
    return { url, databaseUrl, pid: next.pid!, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** The environment `next build` and `next start` run with. */
function nextEnv(databaseUrl: string, url: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    DATABASE_URL: databaseUrl,
    SITE_URL: url,
    AUTH_SECRET: process.env.AUTH_SECRET ?? 'local-test-secret-not-used-anywhere-else',
    AUTH_TRUST_HOST: 'true',
    NEXT_TELEMETRY_DISABLED: '1',
    ...extra,
  };
}

function spawnNext(args: string[], env: NodeJS.ProcessEnv, stdio: 'inherit' | 'pipe', nodeArgs: string[] = []): ChildProcess {
  return spawn(process.execPath, [...nodeArgs, 'node_modules/next/dist/bin/next', ...args], {
    stdio: stdio === 'pipe' ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    env,
  });
}


export type StartNextServerParams = {
  databaseUrl: string;
  port: number;
  /** Receives what `next start` prints (it is still echoed unless `echo` is false). */
  onServerOutput?: (text: string) => void;
  echo?: boolean;
  nodeArgs?: string[];
  /** More environment for the server (the chaos run's pool size and search limit). */
  env?: Record<string, string>;
};

/**
 * `next start` on the last build, resolved once /api/health answers 200. Also what a test
 * that kills the server uses to start it again.
 */
export async function startNextServer(params: StartNextServerParams): Promise<ChildProcess> {
  const url = `http://localhost:${params.port}`;
  const nodeArgs = [...NEXT_START_NODE_FLAGS, ...(params.nodeArgs ?? [])];
  const next = spawnNext(['start', '--port', String(params.port)], nextEnv(params.databaseUrl, url, params.env), params.onServerOutput ? 'pipe' : 'inherit', nodeArgs);
  if (params.onServerOutput) {
    // Next streams pages, so a failure inside one can still answer 200: its log is the witness.
    for (const stream of [next.stdout, next.stderr]) {
      stream?.on('data', (chunk: Buffer) => {
        if (params.echo !== false) process.stdout.write(chunk);
        params.onServerOutput!(chunk.toString());
      });
    }
  }
  try {
    await waitForHealth(`${url}/api/health`);
  } catch (error) {
    next.kill('SIGKILL');
    throw error;
  }
  return next;
}

async function waitForHealth(url: string): Promise<void> {
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((done) => setTimeout(done, 500));
  }
  throw new Error(`${url} did not become healthy`);
}
