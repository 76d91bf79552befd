import { sqlPayloads, xssPayloads } from '@/test/attack-payloads';

/** What the app keeps of typed text: it removes control characters and trims (lib/content). */
export const withoutControls = (value: string) => value.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u200B\u2028\u2029\uFEFF]/g, '');
export const asStored = (value: string) => withoutControls(value).trim();

/**
 * Every payload of the shared lists, once, in list order (the full XSS lists, then SQL).
 * `SECURITY_PAYLOADS=N` takes an even spread of N instead, for a quick run.
 */
export function allPayloads(): string[] {
  const list = [...new Set([...xssPayloads(), ...sqlPayloads()])].filter((p) => asStored(p) !== '');
  const limit = Number(process.env.SECURITY_PAYLOADS);
  if (!limit || limit >= list.length) return list;
  const step = list.length / limit;
  return Array.from({ length: limit }, (_, i) => list[Math.floor(i * step)]!);
}

/**
 * Packs payloads into values of at most `capacity` characters, several to a value, each
 * whole and separated by a space: so a field holding 300 characters carries four or five
 * payloads at a time, and the list goes through the field in list-length / capacity saves.
 * Payloads longer than the field are returned apart: the field must refuse them.
 */
export function pack(payloads: string[], capacity: number): { values: string[][]; tooLong: string[] } {
  const values: string[][] = [];
  const tooLong: string[] = [];
  let current: string[] = [];
  let length = 0;
  for (const payload of payloads) {
    const stored = asStored(payload);
    if (stored.length > capacity) {
      tooLong.push(payload);
      continue;
    }
    if (current.length && length + 1 + stored.length > capacity) {
      values.push(current);
      current = [];
      length = 0;
    }
    length += (current.length ? 1 : 0) + stored.length;
    current.push(stored);
  }
  if (current.length) values.push(current);
  return { values, tooLong };
}
