import { WakeUpSignal } from './wake-up-signal';

describe('wake-up signal', () => {
  it('wakes a waiting reader at the next append', async () => {
    const signal = new WakeUpSignal();
    const started = Date.now();
    const waiting = signal.wait(5_000);
    signal.notify();
    await waiting;
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('does not let a reader sleep through an append that came while it was busy with a page', async () => {
    const signal = new WakeUpSignal();
    const before = signal.generation;
    signal.notify();
    const started = Date.now();
    await signal.wait(5_000, before);
    expect(Date.now() - started).toBeLessThan(100);
  });

  it('sleeps until the timeout when nothing was appended', async () => {
    const signal = new WakeUpSignal();
    const started = Date.now();
    await signal.wait(50, signal.generation);
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
  });
});
