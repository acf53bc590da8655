import { dueSlots, OrderedQueue, pacingPlan, slotAt } from './pacing';

describe('open-loop pacing', () => {
  const plan = pacingPlan({ ratePerSecond: 50, warmupSeconds: 1, seconds: 2 }, 1000);

  it('spaces sends evenly at the rate, with the warm-up before the measured window', () => {
    expect(plan).toEqual({ start: 1000, intervalMs: 20, warmup: 50, offered: 100, windowStart: 2000 });
    expect(slotAt(plan, 0)).toEqual({ index: 0, dueAt: 1000, measured: false });
    expect(slotAt(plan, 49)).toEqual({ index: 49, dueAt: 1980, measured: false });
    expect(slotAt(plan, 50)).toEqual({ index: 50, dueAt: 2000, measured: true });
  });

  it('hands out every slot whose time has come, and none before it is due', () => {
    expect(dueSlots(plan, 0, 999)).toEqual([]);
    expect(dueSlots(plan, 0, 1000).map((slot) => slot.index)).toEqual([0]);
    // A timer that fired late still sends what fell due meanwhile: the offered rate does not drop.
    expect(dueSlots(plan, 1, 1065).map((slot) => slot.index)).toEqual([1, 2, 3]);
  });

  it('ends with the last slot of the window', () => {
    expect(dueSlots(plan, 148, 1_000_000).map((slot) => slot.index)).toEqual([148, 149]);
    expect(dueSlots(plan, 150, 1_000_000)).toEqual([]);
  });

  it('refuses a rate that would never send', () => {
    expect(() => pacingPlan({ ratePerSecond: 0, warmupSeconds: 1, seconds: 1 }, 0)).toThrow('above 0');
  });
});

describe('a client’s ordered sends', () => {
  it('sends one item at a time, in the order pushed, also those pushed while one is out', async () => {
    const log: string[] = [];
    let release: () => void = () => undefined;
    const queue = new OrderedQueue<number>(async (item) => {
      log.push(`start ${item}`);
      if (item === 1) await new Promise<void>((resolve) => (release = resolve));
      log.push(`end ${item}`);
    });
    queue.push(1);
    queue.push(2);
    await Promise.resolve();
    expect(log).toEqual(['start 1']);
    queue.push(3);
    release();
    await queue.idle();
    expect(log).toEqual(['start 1', 'end 1', 'start 2', 'end 2', 'start 3', 'end 3']);
  });

  it('is idle at once with nothing pushed', async () => {
    await expect(new OrderedQueue<number>(() => Promise.resolve()).idle()).resolves.toBeUndefined();
  });
});
