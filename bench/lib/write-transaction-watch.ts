import { Client } from 'pg';
import { sleep } from './messaging-timing';
import { progress } from './progress';

export interface WriteTransaction {
  seconds: number;
  database: string | null;
}

const oldestWriteQuery = `
  SELECT extract(epoch FROM clock_timestamp() - xact_start)::float8 AS seconds, datname AS database
    FROM pg_stat_activity
   WHERE backend_xid IS NOT NULL AND pid <> pg_backend_pid()
   ORDER BY xact_start
   LIMIT 1`;

/**
 * The relay reads only appends below the server's oldest running write transaction (pg_snapshot_xmin), whatever
 * its database: one long write on the same server holds every relay back, and captures stop showing. Sampled each
 * second, so a run that met one says so.
 */
export class WriteTransactionWatch {
  private longest: WriteTransaction = { seconds: 0, database: null };
  private timer: NodeJS.Timeout | undefined;
  private sampling: Promise<void> = Promise.resolve();

  private constructor(private readonly client: Client) {}

  static async open(adminUrl: string): Promise<WriteTransactionWatch> {
    const client = new Client({ connectionString: adminUrl });
    // A session ended under the watch (a forced drop, a restart) is not worth a crash.
    client.on('error', () => undefined);
    await client.connect();
    return new WriteTransactionWatch(client);
  }

  /** Waits while another write transaction has run longer than `seconds`: the run would measure it, not us. */
  async waitUntilNoneOlderThan(seconds: number, timeoutMs: number): Promise<void> {
    const deadline = performance.now() + timeoutMs;
    for (let oldest = await this.oldest(); oldest !== undefined && oldest.seconds > seconds;) {
      if (performance.now() > deadline)
        throw new Error(`${describe(oldest)} still runs; the relay cannot read past it`);
      progress(`e2e: waiting for ${describe(oldest)} to end: the relay cannot read past it`);
      await sleep(5000);
      oldest = await this.oldest();
    }
  }

  start(): void {
    this.timer = setInterval(() => {
      this.sampling = this.sample();
    }, 1000);
  }

  /** The longest write transaction seen since start. */
  async stop(): Promise<WriteTransaction> {
    clearInterval(this.timer);
    await this.sampling;
    return this.longest;
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.client.end().catch(() => undefined);
  }

  private async oldest(): Promise<WriteTransaction | undefined> {
    const { rows } = await this.client.query<WriteTransaction>(oldestWriteQuery);
    return rows[0];
  }

  private async sample(): Promise<void> {
    const oldest = await this.oldest().catch(() => undefined);
    if (oldest !== undefined && oldest.seconds > this.longest.seconds) this.longest = oldest;
  }
}

function describe({ seconds, database }: WriteTransaction): string {
  return `a write transaction of ${Math.round(seconds)} s in database ${database ?? '?'}`;
}
