import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { actionResult, formArgumentParts, jsonArguments } from './server-actions';

// The encoder the browser's router uses, from the React build Next ships.
const { encodeReply } = createRequire(import.meta.url)('next/dist/compiled/react-server-dom-turbopack/client.node.js') as {
  encodeReply: (value: unknown) => Promise<string | FormData>;
};

describe('server action arguments', () => {
  it('encodes action(null, form) as React does', async () => {
    const form = new FormData();
    form.append('email', 'editor@example.com');
    form.append('password', '$ecret');
    const encoded = (await encodeReply([null, form])) as FormData;
    expect(formArgumentParts({ email: 'editor@example.com', password: '$ecret' })).toEqual([...encoded.entries()]);
  });

  it('encodes plain values as React does, escaping strings that start with $', async () => {
    const args = [null, { articleId: 'a', baseVersion: 3, fields: { headline: '$5 coffee', tags: ['x'], embargoUntil: null, note: undefined } }];
    expect(jsonArguments(args).body.toString('utf8')).toBe(await encodeReply(args));
  });
});

describe('action answers', () => {
  it('finds the return value the root row points at', () => {
    const stream = '0:{"a":"$@1","q":"","i":false,"b":"build"}\n1:{"ok":false,"message":"The email address or password is not correct."}\n';
    expect(actionResult(stream)).toEqual({ ok: false, message: 'The email address or password is not correct.' });
  });

  it('returns nothing for an answer without a value', () => {
    expect(actionResult('0:["$","div",null,{}]\n')).toBeUndefined();
    expect(actionResult('')).toBeUndefined();
  });
});
