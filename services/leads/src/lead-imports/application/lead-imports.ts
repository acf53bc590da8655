import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { type BeforeApplicationShutdown, Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { type Actor, type EventStore, type ExpectedVersion, WrongExpectedVersionError } from '@salesos/event-store';
import { Clock, type FieldError, IdGenerator, type RequestContext, rowScope } from '@salesos/http';
import type { MessagingLogger } from '@salesos/messaging';
import { CsvRowReader } from '@salesos/http';
import { EVENT_STORE, LEADS_LOGGER } from '../../core/leads-service.tokens';
import { CaptureLeadHandler, type CaptureLeadInput, LeadError } from '../../leads';
import { LeadImportError, LeadImportErrorCode } from '../domain/lead-import.errors';
import {
  evolveImportJob,
  type ImportJob,
  jobView,
  type LeadImportEvent,
  leadImportEvents,
  maxListedRejections,
  type RowRejection,
  withStaleness,
} from '../domain/lead-import';
import { ImportUploads } from './import-uploads.port';
import { checkHeader, isBlankRow, rowBody } from './import-rows';

/** One CSV row read as a capture: the input, or what is wrong with it, field by field. */
export type RowReading = { input: CaptureLeadInput } | { errors: FieldError[] };

/**
 * How rows are checked and turned into captures: with the same rules as the capture request over HTTP. The API layer
 * provides it, so that the rules stay written once, on the request.
 */
export abstract class ImportRowReader {
  abstract read(row: Record<string, unknown>): Promise<RowReading>;
}

/** How large a file an import takes; a larger one is refused (413) and nothing of it is kept. */
export interface ImportLimits {
  /** Bytes of the file as sent. */
  maxBytes: number;
  /** Data rows, the header and blank lines not counted. */
  maxRows: number;
}

export const defaultImportLimits: ImportLimits = { maxBytes: 10 * 1024 * 1024, maxRows: 50_000 };

export interface LeadImportTiming {
  /** A running job records its progress at least this often. */
  progressEveryMs: number;
  /** A job silent for longer has lost its process and reads as interrupted. */
  staleAfterMs: number;
  /** How often an instance looks for interrupted jobs to continue (it also looks when it starts); 0: only then. */
  resumeEveryMs: number;
  /** How long a stopping instance waits for its running jobs to record where they stopped. */
  stopWaitMs: number;
  /** An upload that stops arriving for longer was abandoned (its request broke off with its process): removed. */
  abandonedAfterMs: number;
}

/** How the service's imports are bounded and timed, and where their files are kept (the service's database). */
export interface LeadImportSettings {
  limits?: Partial<ImportLimits>;
  timing?: Partial<LeadImportTiming>;
  /** Where uploads are kept; by default the service's own database. */
  uploads?: ImportUploads;
}

/** The service's `LeadImportSettings`. */
export const LEAD_IMPORT_SETTINGS = Symbol('LEAD_IMPORT_SETTINGS');

const defaultTiming: LeadImportTiming = {
  progressEveryMs: 1_000,
  staleAfterMs: 30_000,
  resumeEveryMs: 15_000,
  stopWaitMs: 10_000,
  abandonedAfterMs: 3_600_000,
};
/** Rejections one progress event carries at most, so that no event comes near the store's size limit. */
const rejectionsPerProgress = 50;
/** The size of the parts an upload is stored in. */
const partBytes = 256 * 1024;

/** An import is followed and resumed in its division by whoever started it, or by a role that sees the division. */
function mayFollow(job: ImportJob, { divisionId, principal }: RequestContext): boolean {
  if (job.divisionId !== divisionId) return false;
  return principal === undefined || rowScope(principal).kind === 'division' || job.startedBy === principal.userId;
}

/** The job as this process runs it, and what it has not yet recorded in the job's stream. */
interface RunningImport {
  context: RequestContext;
  job: ImportJob;
  version: number;
  unrecorded: RowRejection[];
  recordedAt: number;
}

/** The instance stops: the run records where it got to, and another instance, or the next start, continues it. */
class ImportStopped extends Error {
  constructor() {
    super('The service running the import stopped; it continues on another instance or at the next start');
  }
}

/** An uploaded file, stored whole. */
interface ReceivedUpload {
  uploadId: string;
  bytes: number;
  rowsTotal: number;
}

/**
 * CSV import of leads. The file is stored first, part by part, within the limits (a file past them is refused and
 * nothing of it kept); then the job starts and reads it back: each row becomes one capture command with its own
 * idempotency key and is assigned by the division's rules, like a capture over HTTP. Valid rows are stored, invalid
 * ones reported with the reason. The job's progress is recorded in its own stream, so it can be read from any
 * replica and after a restart. A job whose run stopped (the instance stopped, or went silent) is continued from
 * its last recorded row by the next instance that looks, with the stored file; the instance claims it by appending
 * at the version it read, so two never run it. Rows stored already are recognised and not stored twice. The stored
 * file is deleted when the job ends.
 */
@Injectable()
export class LeadImports implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly running = new Map<string, { run: RunningImport; done: Promise<void> }>();
  private readonly timing: LeadImportTiming;
  readonly limits: ImportLimits;
  private stopping = false;
  private timer: NodeJS.Timeout | undefined;
  private sweeping: Promise<string[]> | undefined;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CaptureLeadHandler) private readonly capture: CaptureLeadHandler,
    @Inject(ImportRowReader) private readonly rows: ImportRowReader,
    @Inject(ImportUploads) private readonly uploads: ImportUploads,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(IdGenerator) private readonly ids: IdGenerator,
    @Inject(LEADS_LOGGER) private readonly logger: MessagingLogger,
    @Inject(LEAD_IMPORT_SETTINGS) settings: LeadImportSettings,
  ) {
    this.timing = { ...defaultTiming, ...settings.timing };
    this.limits = { ...defaultImportLimits, ...settings.limits };
  }

  /** Continues the interrupted jobs at once, then looks again every `resumeEveryMs`. */
  onApplicationBootstrap(): void {
    void this.resumeInterrupted();
    if (this.timing.resumeEveryMs > 0) {
      this.timer = setInterval(() => void this.resumeInterrupted(), this.timing.resumeEveryMs);
      this.timer.unref();
    }
  }

  /** Before the views and the store close: each running job records where it stopped, for another to continue. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    if (this.timer !== undefined) clearInterval(this.timer);
    const runs = [...this.running.values()].map(({ done }) => done);
    let timeout: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.all([...runs, this.sweeping]),
      new Promise((resolve) => {
        timeout = setTimeout(resolve, this.timing.stopWaitMs);
      }),
    ]);
    clearTimeout(timeout);
  }

  async get(importId: string, context: RequestContext): Promise<ImportJob | undefined> {
    const running = this.running.get(importId)?.run;
    if (running !== undefined) {
      return mayFollow(running.job, context)
        ? jobView({
            ...running.job,
            rejections: [...running.job.rejections, ...running.unrecorded].slice(0, maxListedRejections),
          })
        : undefined;
    }
    const { job } = await this.load(importId);
    if (job === undefined || !mayFollow(job, context)) return undefined;
    return jobView(withStaleness(job, this.clock.now(), this.timing.staleAfterMs));
  }

  /**
   * Stores the file, then starts an import of it, or resumes a failed or interrupted one from its first row; the
   * returned `done` settles when the run ends. A file past the limits is refused (`declaredBytes` lets one that
   * says so be refused before it is read) and nothing is recorded.
   */
  async start(
    input: Readable,
    context: RequestContext,
    options: { resumes?: string; declaredBytes?: number } = {},
  ): Promise<{ job: ImportJob; done: Promise<void> }> {
    const { resumes, declaredBytes } = options;
    if (resumes !== undefined) await this.resumable(resumes, context);
    if (declaredBytes !== undefined && declaredBytes > this.limits.maxBytes) throw this.tooManyBytes();
    const importId = resumes ?? this.ids.next();
    const upload = await this.receive(input, importId, context.divisionId);
    const now = this.now();
    const stored = { uploadId: upload.uploadId, rowsTotal: upload.rowsTotal };
    let started: { job: ImportJob; version: number };
    let replaced: string | undefined;
    try {
      if (resumes === undefined) {
        started = await this.record(context, importId, undefined, 'no_stream', [
          {
            type: 'LeadImportStarted',
            data: {
              importId,
              divisionId: context.divisionId,
              startedAt: now,
              startedBy: context.actor.userId,
              ...stored,
            },
          },
        ]);
      } else {
        const { job, version } = await this.load(resumes);
        replaced = job?.uploadId;
        await this.resumable(resumes, context);
        started = await this.record(context, importId, job, version, [
          { type: 'LeadImportResumed', data: { importId, resumedAt: now, ...stored } },
        ]);
      }
    } catch (error) {
      await this.forget(upload.uploadId);
      if (error instanceof WrongExpectedVersionError) {
        throw new LeadImportError(LeadImportErrorCode.NotResumable, `Import ${importId} was resumed meanwhile`);
      }
      throw error;
    }
    // The file a resumed job was running with before is no one's now.
    if (replaced !== undefined) await this.forget(replaced);
    return this.launch(context, started);
  }

  /**
   * Continues every job whose run stopped, with its stored file, claiming each by an append at the version read, and
   * removes stored files nobody will read again. Answers the jobs this instance took over.
   */
  resumeInterrupted(): Promise<string[]> {
    if (this.stopping) return Promise.resolve([]);
    this.sweeping ??= this.sweep()
      .catch((error: unknown) => {
        this.logger.error('lead imports could not look for interrupted jobs', { error: String(error) });
        return [];
      })
      .finally(() => {
        this.sweeping = undefined;
      });
    return this.sweeping;
  }

  private async sweep(): Promise<string[]> {
    const continued: string[] = [];
    for (const upload of await this.uploads.list()) {
      if (this.stopping) break;
      if (this.running.has(upload.importId)) continue;
      const now = this.clock.now();
      const silentFor = now.getTime() - Date.parse(upload.updatedAt);
      const { job, version, starter } = await this.load(upload.importId);
      if (job === undefined || job.uploadId !== upload.uploadId) {
        // A file whose request is still being read (a slow client may take a while), or whose request broke off with
        // its process, or that a resumed job replaced.
        const gone = upload.complete ? this.timing.staleAfterMs : this.timing.abandonedAfterMs;
        if (silentFor > gone) await this.forget(upload.uploadId);
        continue;
      }
      if (job.status === 'done' || job.status === 'failed') {
        // The job ended before its file could be removed.
        await this.forget(upload.uploadId);
        continue;
      }
      if (!upload.complete || withStaleness(job, now, this.timing.staleAfterMs).status !== 'interrupted') continue;
      const context: RequestContext = {
        divisionId: job.divisionId,
        actor: starter ?? { userId: 'salesos:lead-import', roles: [] },
      };
      let claimed: { job: ImportJob; version: number };
      try {
        claimed = await this.record(context, job.importId, job, version, [
          { type: 'LeadImportContinued', data: { importId: job.importId, continuedAt: now.toISOString() } },
        ]);
      } catch (error) {
        // Another instance claimed it first, or its run is still alive and reported.
        if (error instanceof WrongExpectedVersionError) continue;
        throw error;
      }
      this.logger.info('lead import continued', { importId: job.importId, afterRows: job.rowsRead });
      void this.launch(context, claimed).done;
      continued.push(job.importId);
    }
    return continued;
  }

  private async resumable(importId: string, context: RequestContext): Promise<void> {
    const existing = await this.get(importId, context);
    if (existing === undefined)
      throw new LeadImportError(LeadImportErrorCode.NotFound, `No import ${importId} in your division`);
    if (existing.status === 'running' || existing.status === 'done') {
      throw new LeadImportError(
        LeadImportErrorCode.NotResumable,
        `Import ${importId} is ${existing.status}; only an interrupted or failed import can be resumed`,
        existing.status,
      );
    }
  }

  private launch(context: RequestContext, started: { job: ImportJob; version: number }) {
    const run: RunningImport = { context, ...started, unrecorded: [], recordedAt: Date.now() };
    const { importId } = run.job;
    const done = this.run(run)
      .then(
        () => this.finish(run, 'done'),
        (error: unknown) => {
          if (error instanceof ImportStopped) return this.interrupt(run, error.message);
          // Another instance took the job over: it is theirs to record and to end.
          if (error instanceof WrongExpectedVersionError) return undefined;
          return this.finish(run, 'failed', error instanceof Error ? error.message : String(error));
        },
      )
      .catch((error: unknown) => {
        // Recording the end failed (the store is gone): the job will read as interrupted and be continued.
        this.logger.error('lead import could not record its end', { importId, error: String(error) });
      })
      .finally(() => this.running.delete(importId));
    this.running.set(importId, { run, done });
    return { job: jobView(run.job), done };
  }

  /** Reads the stored file from its first row; rows the job's record covers already are passed over. */
  private async run(running: RunningImport): Promise<void> {
    const { uploadId } = running.job;
    if (uploadId === undefined) throw new Error('The import has no stored file; resume it with the file');
    const covered = running.job.rowsRead;
    const reader = new CsvRowReader({ collapseBlankLines: true });
    const decoder = new StringDecoder('utf8');
    let header: string[] | undefined;
    let line = 0;
    let dataRows = 0;
    const handle = async (rows: string[][]): Promise<void> => {
      for (const row of rows) {
        line += 1;
        if (header === undefined) {
          header = row.map((column) => column.trim().toLowerCase());
          checkHeader(header);
          continue;
        }
        if (isBlankRow(row)) {
          // Counted once: the record covers the blank lines before its last row.
          if (dataRows >= covered) running.job.blankRows += 1;
          continue;
        }
        dataRows += 1;
        if (dataRows <= covered) continue;
        running.job.rowsRead = dataRows;
        await this.importRow(header, row, dataRows, line, running);
        if (
          Date.now() - running.recordedAt >= this.timing.progressEveryMs ||
          running.unrecorded.length >= rejectionsPerProgress
        ) {
          await this.recordProgress(running);
        }
        if (this.stopping) throw new ImportStopped();
        // Long imports share the process: let other requests, and progress reads, in between rows.
        if (dataRows % 50 === 0) await new Promise((resolve) => setImmediate(resolve));
      }
    };
    for await (const part of this.uploads.read(uploadId)) await handle(reader.push(decoder.write(part)));
    await handle(reader.push(decoder.end()));
    await handle(reader.end());
    if (header === undefined) throw new Error('The file is empty: it needs a header line');
  }

  /**
   * Row `ordinal` (the n-th data row) keeps its idempotency key whatever run imports it; `line` is where it is in the
   * file, the header being line 1.
   */
  private async importRow(
    header: string[],
    row: string[],
    ordinal: number,
    line: number,
    running: RunningImport,
  ): Promise<void> {
    const reading = await this.rows.read(rowBody(header, row));
    if ('errors' in reading) return this.reject(running, { line, reason: 'invalid row', errors: reading.errors });
    const rowContext = {
      ...running.context,
      idempotencyKey: `import.${running.job.importId}.${ordinal + 1}`,
      idempotencyScope: `import:${running.job.importId}`,
    };
    try {
      await this.capture.execute(reading.input, rowContext);
      running.job.accepted += 1;
    } catch (error) {
      if (!(error instanceof LeadError)) throw error;
      this.reject(running, { line, reason: error.message });
    }
  }

  private reject(running: RunningImport, rejection: RowRejection): void {
    running.job.rejected += 1;
    if (running.job.rejections.length + running.unrecorded.length < maxListedRejections) {
      running.unrecorded.push(rejection);
    }
  }

  private counts(running: RunningImport) {
    const { rowsRead, accepted, rejected, blankRows } = running.job;
    return { rowsRead, accepted, rejected, blankRows, rejections: running.unrecorded };
  }

  private async recordProgress(running: RunningImport): Promise<void> {
    await this.recordRunning(running, {
      type: 'LeadImportProgressed',
      data: { ...this.counts(running), at: this.now() },
    });
  }

  private async interrupt(running: RunningImport, reason: string): Promise<void> {
    await this.recordRunning(running, {
      type: 'LeadImportInterrupted',
      data: { ...this.counts(running), reason, at: this.now() },
    });
    this.logger.info('lead import interrupted', { importId: running.job.importId, rowsRead: running.job.rowsRead });
  }

  private async finish(running: RunningImport, outcome: 'done' | 'failed', error?: string): Promise<void> {
    await this.recordRunning(running, {
      type: 'LeadImportFinished',
      data: {
        ...this.counts(running),
        outcome,
        ...(error === undefined ? {} : { error }),
        finishedAt: this.now(),
      },
    });
    // The job has ended: its file is read no more (a failed one is resumed with the file sent again).
    if (running.job.uploadId !== undefined) await this.forget(running.job.uploadId);
    const { importId, rowsRead, accepted, rejected, blankRows } = running.job;
    this.logger.info('lead import finished', { importId, outcome, rowsRead, accepted, rejected, blankRows });
  }

  private async recordRunning(running: RunningImport, event: LeadImportEvent): Promise<void> {
    const recorded = await this.record(running.context, running.job.importId, running.job, running.version, [event]);
    running.job = recorded.job;
    running.version = recorded.version;
    running.unrecorded = [];
    running.recordedAt = Date.now();
  }

  /**
   * Stores the upload part by part, counting its bytes and data rows as they arrive; past a limit, or when the
   * upload breaks off, what was stored is removed and nothing else happens. The rest of a refused upload is read and
   * dropped, so the refusal can be answered.
   */
  private async receive(input: Readable, importId: string, divisionId: string): Promise<ReceivedUpload> {
    const uploadId = this.ids.next();
    await this.uploads.begin({ uploadId, importId, divisionId, at: this.clock.now() });
    const reader = new CsvRowReader({ collapseBlankLines: true });
    const decoder = new StringDecoder('utf8');
    let headerRead = false;
    let rowsTotal = 0;
    let bytes = 0;
    let part = 0;
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    const count = (rows: string[][]): void => {
      for (const row of rows) {
        if (!headerRead) headerRead = true;
        else if (!isBlankRow(row)) rowsTotal += 1;
      }
      if (rowsTotal > this.limits.maxRows) throw this.tooManyRows();
    };
    const flush = async (): Promise<void> => {
      if (pendingBytes === 0) return;
      const data = Buffer.concat(pending);
      pending = [];
      pendingBytes = 0;
      await this.uploads.append(uploadId, part, data, this.clock.now());
      part += 1;
    };
    try {
      await eachChunk(input, async (chunk) => {
        bytes += chunk.length;
        if (bytes > this.limits.maxBytes) throw this.tooManyBytes();
        count(reader.push(decoder.write(chunk)));
        pending.push(chunk);
        pendingBytes += chunk.length;
        if (pendingBytes >= partBytes) await flush();
      });
      count(reader.push(decoder.end()));
      try {
        count(reader.end());
      } catch (error) {
        // A file that ends inside a quoted field is stored as it is: its import fails and says why.
        if (error instanceof LeadImportError) throw error;
      }
      await flush();
      await this.uploads.complete(uploadId, bytes, this.clock.now());
      return { uploadId, bytes, rowsTotal };
    } catch (error) {
      await this.forget(uploadId);
      throw error;
    }
  }

  private tooManyBytes(): LeadImportError {
    const max = this.limits.maxBytes;
    return new LeadImportError(
      LeadImportErrorCode.TooLarge,
      `is larger than the ${max} bytes an import takes`,
      undefined,
      { limit: 'maxBytes', max },
    );
  }

  private tooManyRows(): LeadImportError {
    const max = this.limits.maxRows;
    return new LeadImportError(
      LeadImportErrorCode.TooLarge,
      `holds more than the ${max} rows an import takes (blank lines not counted); split the file`,
      undefined,
      { limit: 'maxRows', max },
    );
  }

  /** Removes a stored file; one left behind is removed by a later sweep. */
  private async forget(uploadId: string): Promise<void> {
    try {
      await this.uploads.delete(uploadId);
    } catch (error) {
      this.logger.error('lead import could not remove a stored file', { uploadId, error: String(error) });
    }
  }

  private async record(
    context: RequestContext,
    importId: string,
    job: ImportJob | undefined,
    expected: ExpectedVersion,
    events: LeadImportEvent[],
  ): Promise<{ job: ImportJob; version: number }> {
    const appended = await this.store.append(
      `leadimport-${importId}`,
      events.map((event) => ({
        eventId: this.ids.next(),
        type: event.type,
        data: event.data,
        metadata: {
          occurredAt: this.now(),
          divisionId: context.divisionId,
          actor: context.actor,
          ...(context.correlationId ? { correlationId: context.correlationId } : {}),
        },
      })),
      expected,
    );
    const next = events.reduce(evolveImportJob, job) as ImportJob;
    return { job: next, version: appended.nextExpectedVersion };
  }

  /** The job, its stream's version, and who started it (whose name a continued run writes under). */
  private async load(importId: string): Promise<{ job: ImportJob | undefined; version: number; starter?: Actor }> {
    const events = await this.store.readStream(`leadimport-${importId}`);
    const job = events.reduce<ImportJob | undefined>(
      (current, event) => evolveImportJob(current, leadImportEvents.decode(event)),
      undefined,
    );
    const starter = events[0]?.metadata.actor;
    return {
      job,
      version: events.at(-1)?.metadata.streamVersion ?? 0,
      ...(starter === undefined ? {} : { starter }),
    };
  }

  private now(): string {
    return this.clock.now().toISOString();
  }
}

/** The upload ended before all of it arrived: read as the body parser's own `request.aborted` (400 naming `body`). */
class UploadBrokeOff extends Error {
  readonly type = 'request.aborted';
  readonly status = 400;

  constructor() {
    super('The upload broke off before all of it arrived');
  }
}

/**
 * Hands each chunk of a stream to `take`, one at a time (the stream waits meanwhile). When `take` fails, the rest of
 * the stream is read and dropped (the stream is not destroyed: a request's answer still has to go out) and the
 * failure is the result; a stream that breaks off fails too.
 */
function eachChunk(input: Readable, take: (chunk: Buffer) => Promise<void>): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let settled = false;
    const settle = (error?: Error): void => {
      if (settled) return;
      settled = true;
      input.off('data', onData);
      input.off('end', onEnd);
      input.off('error', onError);
      input.off('close', onClose);
      if (error === undefined) resolve();
      else {
        input.on('error', () => undefined);
        input.resume();
        reject(error);
      }
    };
    const onData = (chunk: Buffer | string): void => {
      input.pause();
      take(typeof chunk === 'string' ? Buffer.from(chunk) : chunk).then(
        () => {
          if (!settled) input.resume();
        },
        (error: unknown) => settle(error instanceof Error ? error : new Error('The upload could not be stored')),
      );
    };
    const onEnd = (): void => settle();
    const onError = (error: Error): void => settle(error);
    const onClose = (): void => {
      if (!input.readableEnded) settle(new UploadBrokeOff());
    };
    input.on('data', onData);
    input.once('end', onEnd);
    input.once('error', onError);
    input.once('close', onClose);
  });
}
