import { LockedTimer } from './locked-timer';
import type { ProjectorLease, ProjectorLock } from './store-projector';

const quiet = { warn: () => undefined, error: () => undefined };
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(condition: () => boolean): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await wait(5);
  }
}

/** Grants its lock once at a time; the test takes the lease away as a dropped connection would. */
class TestLock implements ProjectorLock {
  grants = 0;
  private current = { held: false };

  get held(): boolean {
    return this.current.held;
  }

  acquire(): Promise<ProjectorLease> {
    const lease = { held: true };
    this.current = lease;
    this.grants += 1;
    return Promise.resolve({
      isHeld: () => lease.held,
      release: () => {
        lease.held = false;
        return Promise.resolve();
      },
    });
  }

  drop(): void {
    this.current.held = false;
  }
}

describe('LockedTimer', () => {
  it('ticks at once and then every interval, never two rounds at a time, until stopped', async () => {
    let rounds = 0;
    let running = 0;
    let overlapped = false;
    const timer = new LockedTimer({
      name: 'test-timer',
      lock: null,
      intervalMs: 5,
      tick: async () => {
        running += 1;
        overlapped ||= running > 1;
        rounds += 1;
        await wait(20);
        running -= 1;
      },
      logger: quiet,
    });
    timer.start();
    await until(() => rounds >= 3);
    await timer.stop();
    const stoppedAt = rounds;
    await wait(40);
    expect({ overlapped, after: rounds }).toEqual({ overlapped: false, after: stoppedAt });
  });

  it('ticks only under its lock, asks again once the lease is lost, and gives it back when stopped', async () => {
    const lock = new TestLock();
    let rounds = 0;
    const timer = new LockedTimer({
      name: 'test-timer',
      lock,
      intervalMs: 5,
      tick: () => Promise.resolve((rounds += 1)),
      logger: quiet,
    });
    timer.start();
    await until(() => rounds >= 1);
    lock.drop();
    await until(() => lock.grants === 2);
    const before = rounds;
    await until(() => rounds > before);
    await timer.stop();
    expect({ grants: lock.grants, held: lock.held }).toEqual({ grants: 2, held: false });
  });

  it('logs a failed round and tries again on the next beat', async () => {
    const errors: string[] = [];
    let rounds = 0;
    const timer = new LockedTimer({
      name: 'test-timer',
      lock: null,
      intervalMs: 5,
      tick: () => {
        rounds += 1;
        return rounds === 1 ? Promise.reject(new Error('store down')) : Promise.resolve();
      },
      logger: { warn: () => undefined, error: (message) => errors.push(message) },
    });
    timer.start();
    await until(() => rounds >= 2);
    await timer.stop();
    expect(errors).toEqual(['test-timer: tick failed']);
  });
});
