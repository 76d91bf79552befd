import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const folder = resolve('test/fixtures/attack');
const read = (name: string) =>
  readFileSync(resolve(folder, name), 'utf8')
    .split('\n')
    .map((line) => line.replace(/\r$/, ''))
    .filter((line) => line.trim() !== '');

/** The public XSS and SQL-injection payload lists in shared/testdata/attack. */
export const xssPayloads = () => [...read('xss-payload-list.txt'), ...read('patt-xss-intruders.txt')];
export const sqlPayloads = () => ['sqli-generic.txt', 'sqli-auth-bypass.txt', 'sqli-generic-timebased.txt', 'sqli-postgres-enumeration.txt', 'patt-sqli-generic-fuzz.txt'].flatMap(read);

/** Every `step`th payload: a spread across the whole list for slower tests. */
export const sample = <T>(list: T[], size: number) => list.filter((_, i) => i % Math.max(1, Math.floor(list.length / size)) === 0).slice(0, size);
