import { z } from 'zod';
import { describe, expect, it, vi } from 'vitest';
import { connect } from '@/db/client';
import { DATABASE_BUSY_MESSAGE, DATABASE_DOWN_MESSAGE, DatabaseBusyError } from '@/db/unavailable';
import * as currentUser from '@/lib/auth/current-user';
import { createUser } from '@/test/factories';
import { signInAs } from '@/test/session';
import { defineAction } from './define-action';

const input = z.object({ text: z.string() });

describe('an action when the database is not answering', () => {
  it('tells the person the database is busy when no connection became free in time', async () => {
    const user = await createUser({ role: 'reporter' });
    await signInAs(user.id);
    const action = defineAction({ capability: 'article.create', input, run: async () => { throw new DatabaseBusyError(5_000); } });
    const result = await action(null, { text: 'kept' });
    expect(result).toMatchObject({ ok: false, code: 'failed', message: DATABASE_BUSY_MESSAGE, values: { text: 'kept' } });
  });

  it('tells the person the database is down when it refuses connections', async () => {
    const user = await createUser({ role: 'reporter' });
    await signInAs(user.id);
    const gone = connect('postgres://postgres@127.0.0.1:1/none', { max: 1 });
    const action = defineAction({ capability: 'article.create', input, run: async () => void (await gone.db.execute('select 1')) });
    try {
      expect(await action(null, { text: 'kept' })).toMatchObject({ ok: false, code: 'failed', message: DATABASE_DOWN_MESSAGE });
    } finally {
      await gone.client.end({ timeout: 0 });
    }
  });

  it('says so too when reading who is signed in fails', async () => {
    const spy = vi.spyOn(currentUser, 'getCurrentUser').mockRejectedValueOnce(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }));
    try {
      const action = defineAction({ capability: 'article.create', input, run: async () => {} });
      expect(await action(null, { text: 'x' })).toMatchObject({ ok: false, code: 'failed', message: DATABASE_DOWN_MESSAGE });
    } finally {
      spy.mockRestore();
    }
  });

  it('keeps the generic message for a failure that is not the database', async () => {
    const user = await createUser({ role: 'reporter' });
    await signInAs(user.id);
    const action = defineAction({ capability: 'article.create', input, run: async () => { throw new Error('a bug'); } });
    expect(await action(null, { text: 'x' })).toMatchObject({ ok: false, code: 'failed', message: expect.stringContaining('Something went wrong') });
  });
});
