/** Held by the one relay instance of a service that may publish; the others wait for it. */
export interface LockLease {
  /** Resolves when the lease is lost (its connection died); the holder must stop publishing. */
  readonly lost: Promise<void>;
  isHeld(): boolean;
  release(): Promise<void>;
}

export interface RelayLock {
  /** Waits until the named lock is free and takes it; rejects if `signal` aborts first. */
  acquire(name: string, signal?: AbortSignal): Promise<LockLease>;
}

/** For one process (embedded mode, unit tests): the store there has no second process to exclude. */
export class InProcessRelayLock implements RelayLock {
  private readonly held = new Set<string>();
  private readonly waiters = new Set<() => void>();

  async acquire(name: string, signal?: AbortSignal): Promise<LockLease> {
    while (this.held.has(name)) {
      signal?.throwIfAborted();
      await new Promise<void>((resolve) => {
        const wake = (): void => {
          this.waiters.delete(wake);
          signal?.removeEventListener('abort', wake);
          resolve();
        };
        this.waiters.add(wake);
        signal?.addEventListener('abort', wake, { once: true });
      });
    }
    signal?.throwIfAborted();
    this.held.add(name);
    let held = true;
    let markLost: () => void = () => undefined;
    const lost = new Promise<void>((resolve) => (markLost = resolve));
    return {
      lost,
      isHeld: () => held,
      release: () => {
        if (held) {
          held = false;
          this.held.delete(name);
          markLost();
          for (const wake of [...this.waiters]) wake();
        }
        return Promise.resolve();
      },
    };
  }
}
