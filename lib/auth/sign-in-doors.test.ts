import { and, eq, sql } from 'drizzle-orm';
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { db } from '@/db/client';
import { auditEvents, revokedSessions, users } from '@/db/schema';
import { network } from '@/lib/config';
import { createUser } from '@/test/factories';
import { hashPassword } from './password';

// Other tests replace Auth.js; these drive the real route handler, the door an attacker uses.
vi.unmock('@/lib/auth/auth');
const { handlers } = await import('./auth');
const { GET, POST } = handlers;

const SITE = 'http://localhost:3000';
const PASSWORD = 'the right long password';
const randomAddress = () => `192.0.2.${Math.floor(Math.random() * 250)}`;

// As behind one proxy, so each test can speak from its own address.
const hops = network.trustedProxyHops;
beforeAll(() => void (network.trustedProxyHops = 1));
afterAll(() => void (network.trustedProxyHops = hops));

type Jar = Map<string, string>;
const cookieHeader = (jar: Jar) => [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
function keepCookies(jar: Jar, response: Response) {
  for (const line of response.headers.getSetCookie()) {
    const [pair, ...attributes] = line.split(';');
    const [name, value] = [pair!.slice(0, pair!.indexOf('=')), pair!.slice(pair!.indexOf('=') + 1)];
    const expired = attributes.some((a) => /expires=thu, 01 jan 1970/i.test(a.trim()) || /max-age=0/i.test(a.trim()));
    if (expired || value === '') jar.delete(name);
    else jar.set(name, value);
  }
}
const request = (path: string, jar: Jar, address: string, init: { method?: string; body?: URLSearchParams } = {}) =>
  new NextRequest(`${SITE}${path}`, {
    method: init.method ?? 'GET',
    body: init.body,
    headers: {
      cookie: cookieHeader(jar),
      'x-forwarded-for': address,
      ...(init.body && { 'content-type': 'application/x-www-form-urlencoded' }),
    },
  });

/** GET /api/auth/csrf, then POST /api/auth/callback/credentials, as a script would. */
async function postCredentials(email: string, password: string, address = randomAddress(), jar: Jar = new Map()) {
  const csrf = await GET(request('/api/auth/csrf', jar, address));
  keepCookies(jar, csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const body = new URLSearchParams({ csrfToken, email, password, callbackUrl: `${SITE}/newsroom` });
  const response = await POST(request('/api/auth/callback/credentials', jar, address, { method: 'POST', body }));
  keepCookies(jar, response);
  const location = new URL(response.headers.get('location') ?? SITE);
  const signedIn = [...jar.keys()].some((name) => name.includes('session-token'));
  return { signedIn, code: location.searchParams.get('code'), jar };
}

async function personWithPassword() {
  const person = await createUser();
  await db.update(users).set({ passwordHash: await hashPassword(PASSWORD) }).where(eq(users.id, person.id));
  return person;
}

const audited = async (action: 'auth.sign_in_failed' | 'auth.sign_in_blocked', email: string) =>
  (await db.select({ id: auditEvents.id }).from(auditEvents).where(and(eq(auditEvents.action, action), sql`${auditEvents.details}->>'email' = ${email}`))).length;

async function sessionOf(jar: Jar) {
  const response = await GET(request('/api/auth/session', jar, randomAddress()));
  keepCookies(jar, response);
  return (await response.json()) as { userId?: string; sid?: string } | null;
}

describe("Auth.js's own credentials endpoint", () => {
  it('blocks and audits 25 wrong passwords in a row, and then refuses even the right one', async () => {
    const person = await personWithPassword();
    const answers = [];
    for (let i = 0; i < 25; i++) answers.push(await postCredentials(person.email, `wrong guess ${i}`));
    expect(answers.every((a) => !a.signedIn)).toBe(true);
    expect(answers.slice(0, 5).map((a) => a.code)).toEqual(Array(5).fill('credentials'));
    expect(answers.slice(5).map((a) => a.code)).toEqual(Array(20).fill('too_many_attempts'));
    expect(await audited('auth.sign_in_failed', person.email)).toBe(5);
    expect(await audited('auth.sign_in_blocked', person.email)).toBe(1);

    const owner = await postCredentials(person.email, PASSWORD);
    expect(owner).toMatchObject({ signedIn: false, code: 'too_many_attempts' });
  });

  it('checks no more than the free guesses when they come all at once', async () => {
    const person = await personWithPassword();
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => postCredentials(person.email, `parallel guess ${i}`)));
    expect(answers.filter((a) => a.code === 'credentials')).toHaveLength(5);
    expect(answers.filter((a) => a.code === 'too_many_attempts')).toHaveLength(15);
    expect(await audited('auth.sign_in_failed', person.email)).toBe(5);
  });

  it('signs in with the right password, and audits it', async () => {
    const person = await personWithPassword();
    const { signedIn, jar } = await postCredentials(person.email, PASSWORD);
    expect(signedIn).toBe(true);
    expect((await sessionOf(jar))?.userId).toBe(person.id);
    const [row] = await db.select({ ip: auditEvents.ip }).from(auditEvents).where(and(eq(auditEvents.action, 'auth.sign_in'), eq(auditEvents.targetId, person.id)));
    expect(row?.ip).toMatch(/^192\.0\.2\.\d+$/);
  });
});

describe('signing out', () => {
  it("through Auth.js's own endpoint ends the session on the server: a copy of the cookie is refused and cleared", async () => {
    const person = await personWithPassword();
    const { jar } = await postCredentials(person.email, PASSWORD);
    const session = await sessionOf(jar);
    expect(session?.userId).toBe(person.id);
    const copy: Jar = new Map(jar);

    const csrf = await GET(request('/api/auth/csrf', jar, randomAddress()));
    keepCookies(jar, csrf);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    keepCookies(jar, await POST(request('/api/auth/signout', jar, randomAddress(), { method: 'POST', body: new URLSearchParams({ csrfToken }) })));
    expect([...jar.keys()].some((name) => name.includes('session-token'))).toBe(false);
    expect(await db.select().from(revokedSessions).where(eq(revokedSessions.sid, session!.sid!))).toHaveLength(1);

    expect(await sessionOf(copy)).toBeNull();
    expect([...copy.keys()].some((name) => name.includes('session-token'))).toBe(false);
  });

  it('is never undone by a renewal: a cookie renewed just before sign-out is refused and cleared after it', async () => {
    const person = await personWithPassword();
    const { jar } = await postCredentials(person.email, PASSWORD);
    const session = await sessionOf(jar);
    // A prefetch in flight renews the cookie (a fresh token for the same session)…
    const renewed: Jar = new Map(jar);
    await sessionOf(renewed);
    // …while the "Sign out" button ends the session.
    await db.insert(revokedSessions).values({ sid: session!.sid!, userId: person.id, expiresAt: new Date(Date.now() + 3_600_000) });

    expect(await sessionOf(renewed)).toBeNull();
    expect([...renewed.keys()].some((name) => name.includes('session-token'))).toBe(false);
  });
});
