import { type Static, Type } from '@sinclair/typebox';
import { defineEvents, type EventOf } from '@salesos/event-sourcing';
import { Id, Instant, text } from '@salesos/kernel';

export const RowFieldError = Type.Object({ field: text(1, 200), message: text(1, 500) });
export type RowFieldError = Static<typeof RowFieldError>;

export const RowRejection = Type.Object({
  /** 1-based line of the data row, the header being line 1. */
  line: Type.Integer({ minimum: 2 }),
  reason: text(1, 500),
  errors: Type.Optional(Type.Array(RowFieldError, { maxItems: 60 })),
});
export type RowRejection = Static<typeof RowRejection>;

const counts = {
  rowsRead: Type.Integer({ minimum: 0 }),
  accepted: Type.Integer({ minimum: 0 }),
  rejected: Type.Integer({ minimum: 0 }),
};

export interface ImportCounts {
  rowsRead: number;
  accepted: number;
  rejected: number;
}

/**
 * An import's own stream records its progress, so its report outlives the process that ran it. Progress events
 * carry the counts so far and the rejections found since the previous one.
 */
export const leadImportEvents = defineEvents({
  LeadImportStarted: Type.Object({
    importId: Id,
    divisionId: Id,
    startedAt: Instant,
    startedBy: Type.Optional(Id),
  }),
  LeadImportResumed: Type.Object({ importId: Id, resumedAt: Instant }),
  LeadImportProgressed: Type.Object({ ...counts, rejections: Type.Array(RowRejection), at: Instant }),
  LeadImportFinished: Type.Object({
    ...counts,
    outcome: Type.Union([Type.Literal('done'), Type.Literal('failed')]),
    rejections: Type.Array(RowRejection),
    error: Type.Optional(text(1, 2000)),
    finishedAt: Instant,
  }),
});
export type LeadImportEvent = EventOf<typeof leadImportEvents>;

export type ImportStatus = 'running' | 'done' | 'failed' | 'interrupted';

export interface ImportJob extends ImportCounts {
  importId: string;
  divisionId: string;
  /** The user who started it; absent on imports recorded before it was kept. */
  startedBy?: string;
  status: ImportStatus;
  rejections: RowRejection[];
  startedAt: string;
  /** When the job last reported; a running job reports at least every few seconds. */
  lastProgressAt: string;
  finishedAt?: string;
  error?: string;
}

/** Rows beyond this many rejections are still counted, but not listed. */
export const maxListedRejections = 10_000;

export function evolveImportJob(job: ImportJob | undefined, event: LeadImportEvent): ImportJob | undefined {
  if (event.type === 'LeadImportStarted') {
    const { importId, divisionId, startedAt, startedBy } = event.data;
    return {
      importId,
      divisionId,
      ...(startedBy === undefined ? {} : { startedBy }),
      status: 'running',
      rowsRead: 0,
      accepted: 0,
      rejected: 0,
      rejections: [],
      startedAt,
      lastProgressAt: startedAt,
    };
  }
  if (job === undefined) return job;
  switch (event.type) {
    case 'LeadImportResumed': {
      const { finishedAt: _finished, error: _error, ...rest } = job;
      // A resumed import reads the file again from its first row, so its counts start over.
      return {
        ...rest,
        status: 'running',
        rowsRead: 0,
        accepted: 0,
        rejected: 0,
        rejections: [],
        lastProgressAt: event.data.resumedAt,
      };
    }
    case 'LeadImportProgressed':
    case 'LeadImportFinished': {
      const { rowsRead, accepted, rejected, rejections } = event.data;
      const listed = [...job.rejections, ...rejections].slice(0, maxListedRejections);
      const base = { ...job, rowsRead, accepted, rejected, rejections: listed };
      if (event.type === 'LeadImportProgressed') return { ...base, lastProgressAt: event.data.at };
      return {
        ...base,
        status: event.data.outcome,
        lastProgressAt: event.data.finishedAt,
        finishedAt: event.data.finishedAt,
        ...(event.data.error === undefined ? {} : { error: event.data.error }),
      };
    }
  }
}

/** A job that stopped reporting has lost the process that ran it: it can be resumed with the same file. */
export function withStaleness(job: ImportJob, now: Date, staleAfterMs: number): ImportJob {
  if (job.status !== 'running') return job;
  return now.getTime() - Date.parse(job.lastProgressAt) > staleAfterMs ? { ...job, status: 'interrupted' } : job;
}
