import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NEXT_START_NODE_FLAGS } from './next-start-flags';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

/** The Node flags in front of `next start` in a command line, or null if it does not run it. */
function flagsBeforeNextStart(commandLine: string): string[] | null {
  const match = /\bnode((?:\s+--\S+)*)\s+node_modules\/next\/dist\/bin\/next\s+start\b/.exec(commandLine);
  return match ? match[1]!.trim().split(/\s+/).filter(Boolean) : null;
}

describe('the production server starts with the same Node flags everywhere', () => {
  it('in package.json "start"', () => {
    const { scripts } = JSON.parse(read('package.json')) as { scripts: Record<string, string> };
    expect(flagsBeforeNextStart(scripts.start!)).toEqual(NEXT_START_NODE_FLAGS);
  });

  it('in the systemd unit', () => {
    const execStart = read('deploy/masthead@.service').split('\n').find((line) => line.startsWith('ExecStart='));
    expect(flagsBeforeNextStart(execStart ?? '')).toEqual(NEXT_START_NODE_FLAGS);
  });

  it('reads the flags of a command line', () => {
    expect(flagsBeforeNextStart('/usr/bin/node node_modules/next/dist/bin/next start --port 3000')).toEqual([]);
    expect(flagsBeforeNextStart('node --a=1 --b node_modules/next/dist/bin/next start')).toEqual(['--a=1', '--b']);
    expect(flagsBeforeNextStart('next start')).toBeNull();
  });
});
