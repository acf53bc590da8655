import type { MessagingLogger } from '@salesos/messaging';
import type { DataSource } from 'typeorm';
import type { IntegrationEventHistory } from './integration-event-history.port';
import { liveTables, rebuildPrefix, rebuildTables } from './read-model-tables';
import { readModelIndexes, readModelTableStatements } from './reporting-tables.migration';
import { replay } from './replay';
import { applyInMemory } from './projections-consumer';
import { ReadModelSession } from './read-model-session';

/** The read models that can be rebuilt; the pipeline joins each deal to its lead, so both are rebuilt together. */
export const rebuildableProjections = ['all', 'pipeline', 'lead-funnel'] as const;
export type RebuildName = (typeof rebuildableProjections)[number];

export interface RebuildProgress {
  rebuildId: string;
  projection: RebuildName;
  status: 'running' | 'done' | 'failed';
  phase: 'building' | 'swapping' | 'catching-up' | 'finished';
  /** Stored events gone through so far. */
  eventsDone: number;
  /** Stored events to go through when the rebuild started, when the store can count them. */
  eventsTotal?: number;
  eventsPerSecond: number;
  secondsLeft?: number;
  startedAt: string;
  finishedAt?: string;
  error?: string;
}

export class RebuildInProgressError extends Error {
  constructor(readonly running: RebuildProgress) {
    super(`A rebuild of '${running.projection}' is running (${running.rebuildId})`);
  }
}

const pageSize = 1000;

/**
 * Rebuilds the read models from the event history without taking reports down: new tables are filled beside the
 * live ones, swapped in, in one transaction, once they reach the end of the history, and then caught up with what
 * was stored during the swap (projections are idempotent, so an event applied twice changes nothing).
 */
export class ProjectionRebuilder {
  private current: RebuildProgress | undefined;
  private readonly finished = new Map<string, RebuildProgress>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly history: IntegrationEventHistory,
    private readonly logger: MessagingLogger,
    private readonly newId: () => string,
  ) {}

  status(rebuildId: string): RebuildProgress | undefined {
    if (this.current?.rebuildId === rebuildId) return { ...this.current };
    const done = this.finished.get(rebuildId);
    return done === undefined ? undefined : { ...done };
  }

  /** Starts a rebuild; `done` settles with the final progress. Only one runs at a time. */
  start(
    projection: RebuildName,
    onProgress: (progress: RebuildProgress) => void = () => undefined,
  ): { progress: RebuildProgress; done: Promise<RebuildProgress> } {
    if (this.current !== undefined) throw new RebuildInProgressError({ ...this.current });
    const progress: RebuildProgress = {
      rebuildId: this.newId(),
      projection,
      status: 'running',
      phase: 'building',
      eventsDone: 0,
      eventsPerSecond: 0,
      startedAt: new Date().toISOString(),
    };
    this.current = progress;
    const done = this.run(progress, onProgress).then(
      () => this.end(progress, 'done'),
      (error: unknown) => this.end(progress, 'failed', error instanceof Error ? error.message : String(error)),
    );
    return { progress: { ...progress }, done };
  }

  private end(progress: RebuildProgress, status: 'done' | 'failed', error?: string): RebuildProgress {
    Object.assign(progress, { status, phase: 'finished', finishedAt: new Date().toISOString() });
    if (error !== undefined) progress.error = error;
    this.finished.set(progress.rebuildId, { ...progress });
    this.current = undefined;
    this.logger[status === 'done' ? 'info' : 'error']('projection rebuild finished', { ...progress });
    return { ...progress };
  }

  private async run(progress: RebuildProgress, onProgress: (progress: RebuildProgress) => void): Promise<void> {
    const total = await this.history.remaining(0n);
    if (total !== undefined) progress.eventsTotal = total;
    await this.createRebuildTables();
    const started = performance.now();
    let position = 0n;
    // The next page is read while this one is projected: the store and the read models work at the same time.
    let reading = this.history.read(position, pageSize);
    // Only the rebuild writes the new tables, so the rows it built stay in memory from page to page.
    const session = ReadModelSession.overEmptyTables(rebuildTables);
    for (;;) {
      const page = await reading;
      position = page.position;
      if (!page.isEnd) reading = this.history.read(position, pageSize);
      applyInMemory(session, page.events);
      await this.dataSource.transaction((tx) => session.flush(tx));
      progress.eventsDone += page.scanned;
      const seconds = (performance.now() - started) / 1000;
      progress.eventsPerSecond = Math.round(progress.eventsDone / Math.max(seconds, 0.001));
      if (progress.eventsTotal !== undefined && progress.eventsPerSecond > 0) {
        progress.secondsLeft = Math.max(
          0,
          Math.round((progress.eventsTotal - progress.eventsDone) / progress.eventsPerSecond),
        );
      }
      onProgress({ ...progress });
      if (page.isEnd) break;
    }
    progress.phase = 'swapping';
    onProgress({ ...progress });
    await this.indexRebuildTables();
    await this.swap();
    progress.phase = 'catching-up';
    for (;;) {
      const page = await this.history.read(position, pageSize);
      await replay(this.dataSource, page.events, liveTables);
      position = page.position;
      progress.eventsDone += page.scanned;
      if (page.isEnd) break;
    }
    progress.secondsLeft = 0;
    onProgress({ ...progress });
  }

  private async createRebuildTables(): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      for (const { table } of readModelTableStatements(rebuildPrefix)) await tx.query(`DROP TABLE IF EXISTS ${table}`);
      for (const { create } of readModelTableStatements(rebuildPrefix)) await tx.query(create);
    });
  }

  /**
   * The build reads nothing back from the new tables (its rows stay in memory), so their secondary indexes are built
   * once they are full, which is cheaper than keeping them up to date row by row. On PostgreSQL the new tables are
   * vacuumed too, so that reports can answer from the indexes alone at once.
   */
  private async indexRebuildTables(): Promise<void> {
    // In a transaction, so that on SQLite's one connection it waits for the live consumer's to end.
    await this.dataSource.transaction(async (tx) => {
      for (const { create } of readModelIndexes(rebuildPrefix)) await tx.query(create);
    });
    if (this.postgres) {
      for (const { table } of readModelTableStatements(rebuildPrefix)) await this.dataSource.query(`VACUUM ${table}`);
    }
  }

  private async swap(): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      for (const { table } of readModelTableStatements()) {
        await tx.query(`DROP TABLE ${table}`);
        await tx.query(`ALTER TABLE ${rebuildPrefix}${table} RENAME TO ${table}`);
      }
      for (const { name, create } of readModelIndexes()) {
        // SQLite cannot rename an index, and its indexes are small: they are built again under their own names.
        if (this.postgres) {
          await tx.query(`ALTER INDEX ${rebuildPrefix}${name} RENAME TO ${name}`);
        } else {
          await tx.query(`DROP INDEX ${rebuildPrefix}${name}`);
          await tx.query(create);
        }
      }
    });
    // The planner's statistics still describe the tables before the rebuild; the reports' plans depend on them.
    await this.dataSource.transaction(async (tx) => {
      for (const { table } of readModelTableStatements()) await tx.query(`ANALYZE ${table}`);
    });
  }

  private get postgres(): boolean {
    return this.dataSource.options.type === 'postgres';
  }
}
