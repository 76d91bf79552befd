import { spawnSync } from 'node:child_process';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { users } from '@/db/schema';
import { verifyCredentials } from '@/lib/auth/credentials';
import { unique } from '@/test/factories';

const run = (args: string[], password: string) =>
  spawnSync('npx', ['tsx', '--conditions=react-server', 'scripts/create-user.ts', ...args], {
    input: `${password}\n`,
    encoding: 'utf8',
    env: { ...process.env },
  });

describe('npm run user:create', () => {
  it('creates an admin with a password read from standard input', async () => {
    const email = `first-admin-${unique()}@example.test`;
    const done = run(['--email', email, '--name', 'First Admin', '--role', 'admin'], 'a sturdy first admin passphrase');
    expect(done.status, done.stderr).toBe(0);
    const [user] = await db.select({ role: users.role }).from(users).where(eq(users.email, email));
    expect(user?.role).toBe('admin');
    expect(await verifyCredentials(email, 'a sturdy first admin passphrase')).not.toBeNull();
  }, 120_000);

  it('refuses a weak password and a duplicate email', () => {
    const email = `weak-${unique()}@example.test`;
    expect(run(['--email', email, '--name', 'Weak'], 'password').status).toBe(1);
    expect(run(['--email', email, '--name', 'Dup'], 'another sturdy passphrase').status).toBe(0);
    const again = run(['--email', email, '--name', 'Dup'], 'another sturdy passphrase');
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('already has an account');
    // Three runs of the script, each starting npx and tsx: 9 s on a quiet machine, 18-21 s in
    // the whole suite beside three busy processes on two cores, near the default 30 s.
  }, 120_000);
});
