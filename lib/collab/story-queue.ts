/**
 * Work on one story, one task at a time (load, store, recheck). A store asked for while
 * another is still waiting to start shares that one: it would start later and see the
 * same document, so a page asking again and again (a flush per click) costs one store,
 * not a queue that grows without bound.
 */
export class StoryQueue {
  private tail: Promise<unknown> = Promise.resolve();
  private waitingStore: Promise<unknown> | undefined;

  run<T>(task: () => Promise<T>): Promise<T> {
    const run = this.tail.then(task, task);
    this.tail = run.catch(() => undefined);
    return run;
  }

  store<T>(task: () => Promise<T>): Promise<T> {
    if (this.waitingStore) return this.waitingStore as Promise<T>;
    const run = this.run(() => {
      this.waitingStore = undefined;
      return task();
    });
    this.waitingStore = run;
    return run;
  }
}
