import { readFileSync } from 'node:fs';

/** Where the browser-test server writes the collaboration server's current process id. */
export const collabPidFile = (port: number) => `.data/e2e-collab-${port}.pid`;

export const e2eCollabPort = () => Number(process.env.COLLAB_PORT ?? Number(process.env.E2E_PORT ?? 3100) + 1);

/** Kills the collaboration server the way a crash would; the test server starts it again. */
export function killCollabServer(): number {
  const pid = Number(readFileSync(collabPidFile(e2eCollabPort()), 'utf8'));
  process.kill(pid, 'SIGKILL');
  return pid;
}

/** The collaboration server's current process id. */
export const collabServerPid = () => Number(readFileSync(collabPidFile(e2eCollabPort()), 'utf8'));
