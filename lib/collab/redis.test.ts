import { describe, expect, it } from 'vitest';
import { redisConnectionOf } from './redis';

describe('REDIS_URL', () => {
  it('gives host, port, database and credentials, decoded', () => {
    expect(redisConnectionOf('redis://user:p%40ss@cache.internal:6380/3')).toEqual({
      host: 'cache.internal',
      port: 6380,
      options: { username: 'user', password: 'p@ss', db: 3 },
    });
    expect(redisConnectionOf('redis://127.0.0.1')).toEqual({ host: '127.0.0.1', port: 6379, options: { username: undefined, password: undefined, db: 0 } });
  });

  it('turns on TLS for rediss://, and refuses another scheme or a database that is not a number', () => {
    expect(redisConnectionOf('rediss://:secret@cache:6390').options).toEqual({ username: undefined, password: 'secret', db: 0, tls: {} });
    expect(() => redisConnectionOf('http://cache:6379')).toThrow(/redis:\/\//);
    expect(() => redisConnectionOf('redis://cache:6379/main')).toThrow(/database must be a number/);
  });
});
