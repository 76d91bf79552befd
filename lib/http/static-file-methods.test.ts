import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isOtherMethodOnStaticFile, refuseOtherMethodsOnStaticFiles } from './static-file-methods';

// A stand-in for `next start` with its bug: any method but GET and HEAD on a build file is a 500.
const server = http.createServer((request, response) => {
  const fileAsked = request.url!.startsWith('/_next/static/');
  response.writeHead(fileAsked && request.method !== 'GET' && request.method !== 'HEAD' ? 500 : 200).end('from the app');
});
let base = '';

function ask(method: string, path: string): Promise<{ status: number; allow: string | undefined; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(base + path, { method, agent: false }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode!, allow: response.headers.allow, body }));
    });
    request.on('error', reject);
    request.end(method === 'POST' ? 'x=1' : undefined);
  });
}

beforeAll(async () => {
  refuseOtherMethodsOnStaticFiles();
  refuseOtherMethodsOnStaticFiles(); // installed once however often it is called
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((closed) => server.close(() => closed())));

describe('refuseOtherMethodsOnStaticFiles', () => {
  it('answers 405 with Allow for any other method on a build file, before the app', async () => {
    for (const method of ['OPTIONS', 'POST', 'PUT', 'DELETE', 'PATCH']) {
      expect(await ask(method, '/_next/static/chunks/abc.js?v=1'), method).toEqual({ status: 405, allow: 'GET, HEAD', body: 'Method Not Allowed' });
    }
    expect((await ask('OPTIONS', '/_next/%73tatic/chunks/abc.js')).status).toBe(405);
  });

  it('leaves GET and HEAD of build files, and every other address, to the app', async () => {
    expect((await ask('GET', '/_next/static/chunks/abc.js')).body).toBe('from the app');
    expect((await ask('HEAD', '/_next/static/chunks/abc.js')).status).toBe(200);
    expect((await ask('POST', '/newsroom/articles/new')).body).toBe('from the app');
    expect((await ask('OPTIONS', '/articles/x')).body).toBe('from the app');
  });
});

describe('isOtherMethodOnStaticFile', () => {
  it('takes undecodable addresses as they are', () => {
    expect(isOtherMethodOnStaticFile('POST', '/_next/static/%E0%A4%A.js')).toBe(true);
    expect(isOtherMethodOnStaticFile('POST', '/%E0%A4%A')).toBe(false);
    expect(isOtherMethodOnStaticFile('POST', '/_next/staticx.js')).toBe(false);
  });
});
