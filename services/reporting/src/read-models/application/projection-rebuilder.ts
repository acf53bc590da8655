import type { MessagingLogger, TopicHistoryReader } from '@salesos/messaging';
import type { ApplyToNewTables, RebuildTarget } from './rebuild-target.port';

/** The read models that can be rebuilt; the pipeline joins each deal to its lead, so both are rebuilt together. */
export const rebuildableProjections = ['all', 'pipeline', 'lead-funnel'] as const;
export type RebuildName = (typeof rebuildableProjections)[number];

export interface RebuildProgress {
  rebuildId: string;
  projection: RebuildName;
  status: 'running' | 'done' | 'failed';
  /** `building` the new tables beside the live ones, then `swapping` them in while live batches wait. */
  phase: 'building' | 'swapping' | 'finished';
  /** Published records gone through so far. */
  eventsDone: number;
  /** Records the history held beyond the start when the rebuild started, when it can tell. */
  eventsTotal?: number;
  /** Events no read model takes: other types, events breaking their contract, and events delivered twice. */
  eventsSkipped: number;
  eventsPerSecond: number;
  secondsLeft?: number;
  startedAt: string;
  finishedAt?: string;
  /** How long live batches waited while the tables were swapped. */
  liveHeldMs?: number;
  error?: string;
}

export class RebuildInProgressError extends Error {
  constructor(readonly running: RebuildProgress) {
    super(`A rebuild of '${running.projection}' is running (${running.rebuildId})`);
  }
}

export interface ProjectionRebuilderOptions {
  target: RebuildTarget;
  /** A fresh reader of the published topics from their beginning. */
  history: () => TopicHistoryReader;
  logger: MessagingLogger;
  newId: () => string;
  clock?: () => Date;
}

const pageSize = 1000;

/**
 * Rebuilds the read models from the published topics without taking reports down. New tables are filled beside the
 * live ones up to the topics' end and indexed; then, in one transaction that live batches wait for, the topics are
 * read to their end once more and the new tables swapped in, together with the ids of every event they hold in the
 * live consumers' inbox. The live consumers go on from their own offsets: what the new tables hold they skip, what
 * came after they apply, in order.
 */
export class ProjectionRebuilder {
  private current: RebuildProgress | undefined;
  private readonly finished = new Map<string, RebuildProgress>();

  constructor(private readonly options: ProjectionRebuilderOptions) {}

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
      rebuildId: this.options.newId(),
      projection,
      status: 'running',
      phase: 'building',
      eventsDone: 0,
      eventsSkipped: 0,
      eventsPerSecond: 0,
      startedAt: this.now(),
    };
    this.current = progress;
    const done = this.run(progress, onProgress).then(
      () => this.end(progress, 'done'),
      async (error: unknown) => {
        await this.options.target.discard().catch(() => undefined);
        return this.end(progress, 'failed', error instanceof Error ? error.message : String(error));
      },
    );
    return { progress: { ...progress }, done };
  }

  private now(): string {
    return (this.options.clock?.() ?? new Date()).toISOString();
  }

  private end(progress: RebuildProgress, status: 'done' | 'failed', error?: string): RebuildProgress {
    Object.assign(progress, { status, phase: 'finished', finishedAt: this.now() });
    if (error !== undefined) progress.error = error;
    this.finished.set(progress.rebuildId, { ...progress });
    this.current = undefined;
    this.options.logger[status === 'done' ? 'info' : 'error']('projection rebuild finished', { ...progress });
    return { ...progress };
  }

  private async run(progress: RebuildProgress, onProgress: (progress: RebuildProgress) => void): Promise<void> {
    const { target } = this.options;
    const reader = this.options.history();
    try {
      const total = await reader.remaining();
      if (total !== undefined) progress.eventsTotal = total;
      await target.prepare();
      const started = performance.now();
      await this.readToEnd(
        reader,
        progress,
        (events) => target.apply(events),
        () => {
          const seconds = (performance.now() - started) / 1000;
          progress.eventsPerSecond = Math.round(progress.eventsDone / Math.max(seconds, 0.001));
          if (progress.eventsTotal !== undefined && progress.eventsPerSecond > 0) {
            const left = Math.max(0, progress.eventsTotal - progress.eventsDone);
            progress.secondsLeft = Math.round(left / progress.eventsPerSecond);
          }
          onProgress({ ...progress });
        },
      );
      await target.index();
      progress.phase = 'swapping';
      onProgress({ ...progress });
      // Only what came in since the first end is read while live batches wait: seconds, not the whole history.
      const held = performance.now();
      await target.swap((apply) => this.readToEnd(reader, progress, apply, () => undefined));
      progress.liveHeldMs = Math.round(performance.now() - held);
      progress.secondsLeft = 0;
    } finally {
      await reader.close().catch(() => undefined);
    }
  }

  /** Projects pages while the next one is read, until a page says nothing lay beyond it. */
  private async readToEnd(
    reader: TopicHistoryReader,
    progress: RebuildProgress,
    apply: ApplyToNewTables,
    onPage: () => void,
  ): Promise<void> {
    let reading = reader.next(pageSize);
    for (;;) {
      const page = await reading;
      if (!page.isEnd) {
        reading = reader.next(pageSize);
        // Awaited on the next turn; should projecting this page fail first, its failure is the one reported.
        reading.catch(() => undefined);
      }
      const taken = await apply(page.events);
      progress.eventsDone += page.scanned;
      progress.eventsSkipped += page.events.length - taken;
      onPage();
      if (page.isEnd) return;
    }
  }
}
