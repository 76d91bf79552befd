import 'server-only';
import { hash, verify, type Options } from '@node-rs/argon2';

// OWASP's recommended argon2id settings: 19 MiB of memory, 2 passes, 1 lane.
// `Algorithm` is a const enum that isolated modules cannot read: 2 is Argon2id.
const OPTIONS: Options = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}
