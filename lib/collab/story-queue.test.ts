import { describe, expect, it } from 'vitest';
import { StoryQueue } from './story-queue';

const tick = () => new Promise((r) => setTimeout(r, 5));

describe('a story’s queue', () => {
  it('runs one task at a time, in order', async () => {
    const queue = new StoryQueue();
    const seen: string[] = [];
    const task = (name: string) => async () => {
      seen.push(`${name} starts`);
      await tick();
      seen.push(`${name} ends`);
    };
    await Promise.all([queue.run(task('load')), queue.run(task('recheck')), queue.store(task('store'))]);
    expect(seen).toEqual(['load starts', 'load ends', 'recheck starts', 'recheck ends', 'store starts', 'store ends']);
  });

  it('lets stores asked for while one waits share it, and queues one more once it has started', async () => {
    const queue = new StoryQueue();
    let stores = 0;
    const store = async () => {
      stores += 1;
      await tick();
      return stores;
    };
    let release: (() => void) | null = null;
    void queue.run(() => new Promise<void>((resolve) => (release = resolve)));
    const waiting = Array.from({ length: 100 }, () => queue.store(store));
    expect(new Set(waiting).size).toBe(1);
    while (!release) await new Promise((r) => setTimeout(r, 0));
    (release as () => void)();
    while (stores === 0) await new Promise((r) => setTimeout(r, 0));
    const later = queue.store(store);
    expect(await Promise.all([...waiting, later])).toEqual([...waiting.map(() => 1), 2]);
    expect(stores).toBe(2);
  });

  it('keeps going after a task fails, and gives every sharer the failure', async () => {
    const queue = new StoryQueue();
    void queue.run(tick);
    const failing = () => Promise.reject(new Error('database down'));
    const [a, b] = [queue.store(failing), queue.store(failing)];
    await expect(a).rejects.toThrow('database down');
    await expect(b).rejects.toThrow('database down');
    expect(await queue.run(async () => 'next')).toBe('next');
  });
});
