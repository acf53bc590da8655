import { randomUUID } from 'node:crypto';
import type { EventStore, NewEvent, RecordedEvent } from '@salesos/event-store';
import type { DataSource, EntityManager } from 'typeorm';
import { type StoreProjection, StoreProjector } from '../index';

export interface ProjectorWorld {
  store: EventStore;
  dataSource: DataSource;
  /** Named `?` or `$n` as the engine wants: parameter `index` (1-based). */
  param(index: number): string;
  close(): Promise<void>;
}

const item = (n: number, type = 'ItemAdded'): NewEvent => ({
  eventId: randomUUID(),
  type,
  data: { n },
  metadata: { occurredAt: new Date().toISOString() },
});

/** Inserts one row per event, keyed by event id: applying an event twice would fail. */
function rowsProjection(
  world: ProjectorWorld,
  failOn: (event: RecordedEvent, attempt: number) => boolean,
): StoreProjection {
  const attempts = new Map<string, number>();
  return {
    name: 'items',
    categories: ['item'],
    async apply(events: readonly RecordedEvent[], tx: EntityManager) {
      for (const event of events) {
        const attempt = (attempts.get(event.metadata.eventId) ?? 0) + 1;
        attempts.set(event.metadata.eventId, attempt);
        if (failOn(event, attempt)) throw new Error(`cannot take item ${(event.data as { n: number }).n}`);
        await tx.query(`INSERT INTO test_items (event_id, n) VALUES (${world.param(1)}, ${world.param(2)})`, [
          event.metadata.eventId,
          (event.data as { n: number }).n,
        ]);
      }
    },
  };
}

async function numbers(world: ProjectorWorld): Promise<number[]> {
  const rows = await world.dataSource.query<Array<{ n: number | string }>>('SELECT n FROM test_items ORDER BY n');
  return rows.map((row) => Number(row.n));
}

async function until(condition: () => Promise<boolean> | boolean, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** The behaviour every engine's read models get from the projector: run on SQLite and on PostgreSQL. */
export function projectorContract(label: string, open: () => Promise<ProjectorWorld>): void {
  describe(`store projector on ${label}`, () => {
    let world: ProjectorWorld;
    const projectors: StoreProjector[] = [];
    const projector = (failOn: (event: RecordedEvent, attempt: number) => boolean = () => false, name = 'test') => {
      const created = new StoreProjector({
        name,
        store: world.store,
        dataSource: world.dataSource,
        projections: [rowsProjection(world, failOn)],
        batchSize: 3,
        retryDelayMs: () => 1,
      });
      projectors.push(created);
      return created;
    };

    beforeEach(async () => {
      world = await open();
      await world.dataSource.query('CREATE TABLE test_items (event_id varchar(64) PRIMARY KEY, n integer NOT NULL)');
    });

    afterEach(async () => {
      for (const running of projectors.splice(0)) await running.stop();
      await world.close();
    });

    it('applies the streams in pages and resumes after a restart without applying anything twice', async () => {
      await world.store.append(
        'item-a',
        [1, 2, 3, 4, 5].map((n) => item(n)),
        'no_stream',
      );
      await world.store.append('other-x', [item(99)], 'no_stream');
      const first = projector();
      const done = await first.catchUp();
      expect(done.applied).toBe(5);
      expect(await numbers(world)).toEqual([1, 2, 3, 4, 5]);
      await world.store.append(
        'item-a',
        [6, 7].map((n) => item(n)),
        5,
      );
      const second = projector();
      second.start();
      const last = (await world.store.readStream('item-a')).at(-1)?.metadata.globalPosition ?? 0n;
      expect(await second.caughtUpTo(last)).toBe(true);
      expect(await numbers(world)).toEqual([1, 2, 3, 4, 5, 6, 7]);
      expect(second.status().applied).toBe(2);
    });

    it('parks an event no projection can take, with its reason, and applies everything after it', async () => {
      await world.store.append(
        'item-a',
        [1, 2, 3, 4, 5].map((n) => item(n)),
        'no_stream',
      );
      const running = projector((event) => (event.data as { n: number }).n === 3);
      running.start();
      const last = (await world.store.readStream('item-a')).at(-1)?.metadata.globalPosition ?? 0n;
      expect(await running.caughtUpTo(last)).toBe(true);
      expect(await numbers(world)).toEqual([1, 2, 4, 5]);
      expect(running.status().parked).toBe(1);
      const [parked] = await running.parked();
      expect(parked).toMatchObject({ streamId: 'item-a', type: 'ItemAdded', reason: 'cannot take item 3' });
      await world.store.append('item-a', [item(6)], 5);
      await until(async () => (await numbers(world)).includes(6), 'the event after the parked one');
    });

    it('does not park an event that fails only for a while', async () => {
      await world.store.append(
        'item-a',
        [1, 2, 3].map((n) => item(n)),
        'no_stream',
      );
      const running = projector((event, attempt) => (event.data as { n: number }).n === 2 && attempt <= 2);
      const done = await running.catchUp();
      expect(done.parked).toBe(0);
      expect(await numbers(world)).toEqual([1, 2, 3]);
    });

    it('answers a command as soon as its write is in the read models', async () => {
      const running = projector();
      running.start();
      const appended = await world.store.append('item-b', [item(10)], 'no_stream');
      expect(await running.caughtUpTo(appended.lastPosition, 5_000)).toBe(true);
      expect(await numbers(world)).toEqual([10]);
      expect(await running.caughtUpTo(appended.lastPosition + 1_000_000n, 50)).toBe(false);
    });

    it('lets a replica that does not project wait on the checkpoint the other one moves', async () => {
      const lockHolder = projector(() => false, 'shared');
      lockHolder.start();
      const onlyReads = projector(() => false, 'shared');
      const appended = await world.store.append('item-c', [item(20)], 'no_stream');
      expect(await onlyReads.caughtUpTo(appended.lastPosition, 5_000)).toBe(true);
    });
  });
}
