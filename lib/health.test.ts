import { describe, expect, it } from 'vitest';
import { checkHealth } from './health';

describe('health check', () => {
  it('is ok on a migrated database', async () => {
    expect(await checkHealth()).toEqual({ ok: true, database: 'up', pendingMigrations: 0 });
  });
});
