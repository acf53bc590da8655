import type { DomainEvent } from '@salesos/event-sourcing';

export interface RowFieldError {
  field: string;
  message: string;
}

export interface RowRejection {
  /** 1-based line of the data row, the header being line 1. */
  line: number;
  reason: string;
  errors?: RowFieldError[];
}

export interface ImportCounts {
  rowsRead: number;
  accepted: number;
  rejected: number;
}

/**
 * An import's own stream records its progress, so its report outlives the process that ran it. Progress events
 * carry the counts so far and the rejections found since the previous one.
 */
export type LeadImportEvent =
  | DomainEvent<'LeadImportStarted', { importId: string; divisionId: string; startedAt: string; startedBy?: string }>
  | DomainEvent<'LeadImportResumed', { importId: string; resumedAt: string }>
  | DomainEvent<'LeadImportProgressed', ImportCounts & { rejections: RowRejection[]; at: string }>
  | DomainEvent<
      'LeadImportFinished',
      ImportCounts & { outcome: 'done' | 'failed'; rejections: RowRejection[]; error?: string; finishedAt: string }
    >;

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
