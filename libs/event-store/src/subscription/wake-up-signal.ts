/** Lets a waiting subscription wake as soon as this process appends, instead of at the next poll. */
export class WakeUpSignal {
  private waiters = new Set<() => void>();
  private appends = 0;

  /** How many appends have been signalled so far: read it before a read, pass it to `wait` after. */
  get generation(): number {
    return this.appends;
  }

  notify(): void {
    this.appends += 1;
    const waiters = [...this.waiters];
    this.waiters.clear();
    for (const wake of waiters) wake();
  }

  /**
   * Waits for the next append or the timeout. Given the generation read before the last read, it returns at once when
   * an append came in meanwhile: a reader busy with a page never sleeps through the append it did not see.
   */
  wait(timeoutMs: number, since?: number): Promise<void> {
    if (since !== undefined && this.appends !== since) return Promise.resolve();
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.waiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      this.waiters.add(done);
    });
  }
}
