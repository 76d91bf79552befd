import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';

export type CollabProcess = { url: string; pid: () => number | undefined; stop(): Promise<void> };

/**
 * Runs the collaboration server (scripts/collab-server.ts, with tsx's loader) beside the app and
 * starts it again if it stops on its own, as systemd does in production. With `pidFile`,
 * its current process id is written there (browser tests restart it mid-session).
 */
export async function startCollabProcess(params: { port: number; env: NodeJS.ProcessEnv; pidFile?: string; log?: (line: string) => void }): Promise<CollabProcess> {
  let child: ChildProcess | undefined;
  let stopping = false;
  const env = { ...params.env, COLLAB_PORT: String(params.port) };
  const launch = () =>
    new Promise<void>((ready, failed) => {
      // One process (tsx as a loader, not its CLI's wrapper), so its id is the server's own.
      const started = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'scripts/collab-server.ts'], { stdio: ['ignore', 'pipe', 'inherit'], env });
      child = started;
      if (params.pidFile && started.pid) writeFileSync(params.pidFile, String(started.pid));
      let listening = false;
      started.stdout!.on('data', (chunk: Buffer) => {
        process.stdout.write(chunk);
        if (!listening && chunk.toString().includes('listening')) {
          listening = true;
          ready();
        }
      });
      started.once('exit', (code, signal) => {
        if (!listening) failed(new Error(`The collaboration server exited (${code ?? signal}) before listening.`));
        // A clean exit was asked for (Ctrl+C reaches the whole process group); anything else is a crash.
        else if (!stopping && code !== 0) {
          (params.log ?? console.log)(`Collaboration server stopped (${code ?? signal}); starting it again.`);
          setTimeout(() => {
            if (!stopping) void launch().catch((error) => console.error(error));
          }, 300);
        }
      });
    });
  await launch();
  return {
    url: `ws://localhost:${params.port}`,
    pid: () => child?.pid,
    async stop() {
      stopping = true;
      if (child && child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await new Promise((done) => child!.once('exit', done));
      }
    },
  };
}
