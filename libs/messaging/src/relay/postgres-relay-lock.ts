import { Client } from 'pg';
import type { LockLease, RelayLock } from './relay-lock.port';

export interface PostgresRelayLockOptions {
  /** The event store's database: the lock lives beside the events it guards. */
  connectionString: string;
  retryIntervalMs?: number;
  /** How often the holder checks its session is alive. */
  keepAliveMs?: number;
}

/**
 * A session-level advisory lock on a dedicated connection: when the holder's process dies, PostgreSQL ends the
 * session and frees the lock, and a waiting instance takes over.
 */
export class PostgresRelayLock implements RelayLock {
  constructor(private readonly options: PostgresRelayLockOptions) {}

  async acquire(name: string, signal?: AbortSignal): Promise<LockLease> {
    for (;;) {
      signal?.throwIfAborted();
      const client = new Client({ connectionString: this.options.connectionString });
      client.on('error', () => undefined);
      try {
        await client.connect();
        const { rows } = await client.query<{ locked: boolean }>(
          'SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS locked',
          [`salesos-relay:${name}`],
        );
        if (rows[0]?.locked === true) return this.lease(client, name);
      } catch {
        // The database is unreachable: keep waiting, as for a held lock.
      }
      await client.end().catch(() => undefined);
      await sleep(this.options.retryIntervalMs ?? 500, signal);
    }
  }

  private lease(client: Client, name: string): LockLease {
    let held = true;
    let markLost: () => void = () => undefined;
    const lost = new Promise<void>((resolve) => (markLost = resolve));
    const drop = (): void => {
      if (!held) return;
      held = false;
      clearInterval(keepAlive);
      markLost();
    };
    const keepAlive = setInterval(() => {
      client.query('SELECT 1').catch(drop);
    }, this.options.keepAliveMs ?? 1000);
    client.on('error', drop);
    client.on('end', drop);
    return {
      lost,
      isHeld: () => held,
      release: async () => {
        if (!held) return;
        drop();
        await client
          .query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [`salesos-relay:${name}`])
          .catch(() => undefined);
        await client.end().catch(() => undefined);
      },
    };
  }
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}
