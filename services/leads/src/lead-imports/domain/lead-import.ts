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
  /** Lines with nothing in any cell: skipped, only counted. */
  blankRows: Type.Optional(Type.Integer({ minimum: 0 })),
};

/** The stored upload a run reads, and how many data rows it holds (blank lines not counted). */
const upload = {
  uploadId: Type.Optional(Id),
  rowsTotal: Type.Optional(Type.Integer({ minimum: 0 })),
};

export interface ImportCounts {
  rowsRead: number;
  accepted: number;
  rejected: number;
  blankRows: number;
}

/**
 * An import's own stream records its progress, so its report outlives the process that ran it. Progress events
 * carry the counts so far and the rejections found since the previous one. A run is claimed by appending to the
 * stream at the version its claimant read, so two instances never run the same job.
 */
export const leadImportEvents = defineEvents({
  LeadImportStarted: Type.Object({
    importId: Id,
    divisionId: Id,
    startedAt: Instant,
    startedBy: Type.Optional(Id),
    ...upload,
  }),
  /** Started again from its first row, with a file uploaded again. */
  LeadImportResumed: Type.Object({ importId: Id, resumedAt: Instant, ...upload }),
  /** Taken over by an instance after its run stopped: it goes on from the last recorded row, with the stored file. */
  LeadImportContinued: Type.Object({ importId: Id, continuedAt: Instant }),
  LeadImportProgressed: Type.Object({ ...counts, rejections: Type.Array(RowRejection), at: Instant }),
  /** The service running it stopped; another instance, or the next start, continues it. */
  LeadImportInterrupted: Type.Object({
    ...counts,
    rejections: Type.Array(RowRejection),
    reason: text(1, 500),
    at: Instant,
  }),
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
  /** The data rows of the file, when it was stored whole before the import started. */
  rowsTotal?: number;
  rejections: RowRejection[];
  /** Rejected rows beyond the listed ones: counted, not listed. */
  moreRejections?: number;
  /** The stored file the current run reads; internal, not shown. */
  uploadId?: string;
  startedAt: string;
  /** When the job last reported; a running job reports at least every few seconds. */
  lastProgressAt: string;
  finishedAt?: string;
  error?: string;
}

/** Rows beyond this many rejections are still counted, but not listed: a report stays a few hundred kilobytes. */
export const maxListedRejections = 1_000;

export function evolveImportJob(job: ImportJob | undefined, event: LeadImportEvent): ImportJob | undefined {
  if (event.type === 'LeadImportStarted') {
    const { importId, divisionId, startedAt, startedBy, uploadId, rowsTotal } = event.data;
    return {
      importId,
      divisionId,
      ...(startedBy === undefined ? {} : { startedBy }),
      status: 'running',
      ...(rowsTotal === undefined ? {} : { rowsTotal }),
      rowsRead: 0,
      accepted: 0,
      rejected: 0,
      blankRows: 0,
      rejections: [],
      startedAt,
      lastProgressAt: startedAt,
      ...(uploadId === undefined ? {} : { uploadId }),
    };
  }
  if (job === undefined) return job;
  switch (event.type) {
    case 'LeadImportResumed': {
      const { finishedAt: _finished, error: _error, uploadId: _upload, rowsTotal: _total, ...rest } = job;
      const { uploadId, rowsTotal } = event.data;
      // A resumed import reads the file again from its first row, so its counts start over.
      return {
        ...rest,
        status: 'running',
        ...(rowsTotal === undefined ? {} : { rowsTotal }),
        rowsRead: 0,
        accepted: 0,
        rejected: 0,
        blankRows: 0,
        rejections: [],
        lastProgressAt: event.data.resumedAt,
        ...(uploadId === undefined ? {} : { uploadId }),
      };
    }
    case 'LeadImportContinued': {
      const { error: _error, ...rest } = job;
      // The counts stand: the run goes on after the last row they cover.
      return { ...rest, status: 'running', lastProgressAt: event.data.continuedAt };
    }
    case 'LeadImportProgressed':
    case 'LeadImportInterrupted':
    case 'LeadImportFinished': {
      const { rowsRead, accepted, rejected, rejections, blankRows } = event.data;
      const listed = [...job.rejections, ...rejections].slice(0, maxListedRejections);
      const base = { ...job, rowsRead, accepted, rejected, blankRows: blankRows ?? 0, rejections: listed };
      if (event.type === 'LeadImportProgressed') return { ...base, lastProgressAt: event.data.at };
      if (event.type === 'LeadImportInterrupted') {
        return { ...base, status: 'interrupted', lastProgressAt: event.data.at, error: event.data.reason };
      }
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

/** The job as its followers see it: rejections beyond the listed ones counted, the stored file not named. */
export function jobView(job: ImportJob): ImportJob {
  const { uploadId: _upload, moreRejections: _more, ...shown } = job;
  const more = job.rejected - job.rejections.length;
  return more > 0 ? { ...shown, moreRejections: more } : shown;
}

/** A job that stopped reporting has lost the process that ran it: it can be resumed with the same file. */
export function withStaleness(job: ImportJob, now: Date, staleAfterMs: number): ImportJob {
  if (job.status !== 'running') return job;
  return now.getTime() - Date.parse(job.lastProgressAt) > staleAfterMs ? { ...job, status: 'interrupted' } : job;
}
