import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { attemptPasswordSignIn } from '@/lib/auth/attempt-sign-in';
import { createUser, freshAddress, unique } from '@/test/factories';
import { setPasswordWithToken } from './account';
import { requestPasswordReset } from './password-reset';

type Mail = { to: string[]; text: string };
const inbox: Mail[] = [];

// A real SMTP server on loopback: the email goes out through nodemailer as in production.
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  onData(stream, session, done) {
    let raw = '';
    stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    stream.on('end', () => {
      inbox.push({ to: session.envelope.rcptTo.map((r) => r.address), text: raw.replace(/=\r?\n/g, '').replace(/=3D/g, '=') });
      done();
    });
  },
});

beforeAll(async () => {
  await new Promise<void>((ready) => smtp.listen(0, '127.0.0.1', ready));
  vi.stubEnv('SMTP_HOST', '127.0.0.1');
  vi.stubEnv('SMTP_PORT', String((smtp.server.address() as AddressInfo).port));
  vi.stubEnv('SMTP_FROM', 'newsroom@example.test');
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await new Promise<void>((closed) => smtp.close(() => closed()));
});

const mailsTo = (email: string) => inbox.filter((mail) => mail.to.includes(email));
const linkIn = (mail: Mail) => /\/login\/set-password\/([\w-]+)/.exec(mail.text)?.[1];
const address = () => `198.51.100.${Math.floor(Math.random() * 250)}`;

describe('"Forgot your password?"', () => {
  it('emails a one-time link that lets a blocked owner set a new password and sign in', async () => {
    const person = await createUser();
    const stranger = freshAddress(); // its own: another test file may have blocked a shared one
    for (let i = 0; i < 5; i++) await attemptPasswordSignIn({ email: person.email, password: `a stranger's guess ${i}`, address: stranger });

    expect(await requestPasswordReset({ email: person.email.toUpperCase(), address: address() })).toBe('sent');
    const [mail] = mailsTo(person.email);
    const token = linkIn(mail!);
    expect(token).toBeDefined();

    const password = `a fresh passphrase ${unique()}`;
    await setPasswordWithToken({ token: token!, password, ip: '198.51.100.3' });
    expect((await attemptPasswordSignIn({ email: person.email, password, address: address() })).outcome).toBe('signed_in');
  });

  it('sends nothing for an unknown or deactivated address', async () => {
    const gone = await createUser({ active: false });
    expect(await requestPasswordReset({ email: `nobody-${unique()}@example.test`, address: address() })).toBe('not_sent');
    expect(await requestPasswordReset({ email: gone.email, address: address() })).toBe('not_sent');
    expect(mailsTo(gone.email)).toHaveLength(0);
  });

  it('cannot flood someone’s inbox', async () => {
    const person = await createUser();
    const answers = [];
    for (let i = 0; i < 10; i++) answers.push(await requestPasswordReset({ email: person.email, address: address() }));
    expect(answers.filter((a) => a === 'sent')).toHaveLength(3);
    expect(mailsTo(person.email)).toHaveLength(3);
  });

  it('sends nothing when outgoing mail is not set up', async () => {
    const person = await createUser();
    vi.stubEnv('SMTP_HOST', '');
    try {
      expect(await requestPasswordReset({ email: person.email, address: address() })).toBe('not_sent');
    } finally {
      vi.stubEnv('SMTP_HOST', '127.0.0.1');
    }
  });
});
