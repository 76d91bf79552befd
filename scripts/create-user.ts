/**
 * Creates a staff account on DATABASE_URL, typically the first admin of a new site:
 *   npm run user:create -- --email ed@example.com --name "Ed Itor" --role admin
 * The password is read from a hidden prompt, or from standard input when piped; never
 * from the command line, where it would end up in shell history and process lists.
 */
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { connect } from '@/db/client';
import { users } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import { hashPassword } from '@/lib/auth/password';
import { passwordProblem } from '@/lib/auth/password-policy';
import { slugify } from '@/lib/content/slug';

const { values } = parseArgs({
  options: { email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string', default: 'admin' } },
});
const input = z
  .object({ email: z.string().trim().toLowerCase().email(), name: z.string().trim().min(2).max(120), role: z.enum(['reporter', 'editor', 'admin']) })
  .safeParse(values);
if (!input.success) {
  console.error('Usage: npm run user:create -- --email <email> --name "<name>" [--role reporter|editor|admin]');
  process.exit(2);
}
if (!process.env.DATABASE_URL) {
  console.error('Set DATABASE_URL to the database to add the person to.');
  process.exit(2);
}

async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
  }
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  const ask = (question: string) =>
    new Promise<string>((resolve) => {
      // Hide what is typed: echo nothing after the prompt.
      const write = (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput;
      (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s) => {
        if (s.startsWith(question)) write.call(rl, question);
      };
      rl.question(question, (answer) => {
        (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = write;
        process.stdout.write('\n');
        resolve(answer);
      });
    });
  const first = await ask('Password: ');
  const second = await ask('Password again: ');
  rl.close();
  if (first !== second) throw new Error('The two passwords differ.');
  return first;
}

const { email, name, role } = input.data;
const password = await readPassword();
const problem = passwordProblem(password, { email, name });
if (problem) {
  console.error(problem);
  process.exit(1);
}
const { db, client } = connect(process.env.DATABASE_URL, { max: 1 });
try {
  const created = await db.transaction(async (tx) => {
    const [existing] = await tx.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${email}`);
    if (existing) return null;
    const [user] = await tx
      .insert(users)
      .values({ email, displayName: name, role, slug: `${slugify(name) || 'staff'}-${Date.now().toString(36)}`, passwordHash: await hashPassword(password) })
      .returning({ id: users.id });
    await recordAudit(tx, { actorId: null, action: 'user.created', targetType: 'user', targetId: user!.id, ip: 'command line', details: { email, role } });
    return user!;
  });
  if (!created) {
    console.error(`${email} already has an account.`);
    process.exitCode = 1;
  } else {
    console.log(`Created ${role} ${name} <${email}>. They can sign in at /login.`);
  }
} finally {
  await client.end();
}
