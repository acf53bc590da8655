import { PassThrough, type Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import type { EventStore, ExpectedVersion } from '@salesos/event-store';
import { Clock, type FieldError, IdGenerator, type RequestContext, rowScope } from '@salesos/http';
import type { MessagingLogger } from '@salesos/messaging';
import { CsvRowReader } from '../../core/csv';
import { EVENT_STORE, LEADS_LOGGER } from '../../core/leads-service.tokens';
import { CaptureLeadHandler, type CaptureLeadInput, LeadError } from '../../leads';
import { LeadImportError, LeadImportErrorCode } from '../domain/lead-import.errors';
import {
  evolveImportJob,
  type ImportJob,
  type LeadImportEvent,
  leadImportEvents,
  maxListedRejections,
  type RowRejection,
  withStaleness,
} from '../domain/lead-import';

/** One CSV row read as a capture: the input, or what is wrong with it, field by field. */
export type RowReading = { input: CaptureLeadInput } | { errors: FieldError[] };

/**
 * How rows are checked and turned into captures: with the same rules as the capture request over HTTP. The API layer
 * provides it, so that the rules stay written once, on the request.
 */
export abstract class ImportRowReader {
  abstract read(row: Record<string, unknown>): Promise<RowReading>;
}

/** Settings of how often a running import reports. */
export const LEAD_IMPORT_TIMING = Symbol('LEAD_IMPORT_TIMING');

/** An import is followed and resumed in its division by whoever started it, or by a role that sees the division. */
function mayFollow(job: ImportJob, { divisionId, principal }: RequestContext): boolean {
  if (job.divisionId !== divisionId) return false;
  return principal === undefined || rowScope(principal).kind === 'division' || job.startedBy === principal.userId;
}

export const importColumns = [
  'source',
  'campaign',
  'contact_name',
  'contact_email',
  'contact_phone',
  'company_name',
  'industry',
  'size_band',
  'territory',
  'estimated_amount',
  'currency',
  'need_tags',
] as const;

export interface LeadImportTiming {
  /** A running job records its progress at least this often. */
  progressEveryMs: number;
  /** A job silent for longer has lost its process and reads as interrupted. */
  staleAfterMs: number;
}

const defaultTiming: LeadImportTiming = { progressEveryMs: 1_000, staleAfterMs: 30_000 };
const rejectionsPerProgress = 500;

/** One CSV row as the capture request the API takes, so rows and requests are validated alike. */
function rowToRequest(header: readonly string[], row: readonly string[]): Record<string, unknown> {
  const value = (column: (typeof importColumns)[number]): string | undefined => {
    const text = row[header.indexOf(column)]?.trim();
    return text === undefined || text === '' ? undefined : text;
  };
  const amount = value('estimated_amount');
  return {
    source: value('source'),
    campaign: value('campaign'),
    contact: { name: value('contact_name'), email: value('contact_email'), phone: value('contact_phone') },
    company: { name: value('company_name'), industry: value('industry'), sizeBand: value('size_band') },
    territory: value('territory'),
    estimatedValue: amount === undefined ? undefined : { amount: Number(amount), currency: value('currency') },
    needTags: value('need_tags')
      ?.split(';')
      .map((tag) => tag.trim())
      .filter((tag) => tag.length > 0),
  };
}

function withoutUndefined(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutUndefined);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, entry]) => entry !== undefined)
      .map(([key, entry]) => [key, withoutUndefined(entry)]),
  );
}

/** A row as the plain request body it stands for, with empty cells left out. */
function rowBody(header: readonly string[], row: readonly string[]): Record<string, unknown> {
  return withoutUndefined(rowToRequest(header, row)) as Record<string, unknown>;
}

function checkHeader(header: readonly string[]): void {
  const unknown = header.filter((column) => !(importColumns as readonly string[]).includes(column));
  const missing = ['source', 'contact_name', 'company_name'].filter((column) => !header.includes(column));
  if (unknown.length > 0 || missing.length > 0) {
    throw new Error(
      `The header must name columns from ${importColumns.join(', ')}` +
        `${unknown.length > 0 ? `; unknown: ${unknown.join(', ')}` : ''}${missing.length > 0 ? `; missing: ${missing.join(', ')}` : ''}`,
    );
  }
}

/** The job as this process runs it, and what it has not yet recorded in the job's stream. */
interface RunningImport {
  context: RequestContext;
  job: ImportJob;
  version: number;
  unrecorded: RowRejection[];
  recordedAt: number;
}

/**
 * CSV import of leads: the file is streamed, each row becomes one capture command with its own idempotency key and
 * is assigned by the division's rules, like a capture over HTTP. Valid rows are stored, invalid ones reported with
 * the reason. The job's progress is recorded in its own stream, so it can be read from any replica and after a
 * restart; an interrupted job is resumed by uploading the same file again, and rows it already stored are not
 * stored twice.
 */
@Injectable()
export class LeadImports {
  private readonly running = new Map<string, RunningImport>();
  private readonly timing: LeadImportTiming;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CaptureLeadHandler) private readonly capture: CaptureLeadHandler,
    @Inject(ImportRowReader) private readonly rows: ImportRowReader,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(IdGenerator) private readonly ids: IdGenerator,
    @Inject(LEADS_LOGGER) private readonly logger: MessagingLogger,
    @Inject(LEAD_IMPORT_TIMING) timing: Partial<LeadImportTiming>,
  ) {
    this.timing = { ...defaultTiming, ...timing };
  }

  async get(importId: string, context: RequestContext): Promise<ImportJob | undefined> {
    const running = this.running.get(importId);
    if (running !== undefined) {
      return mayFollow(running.job, context)
        ? {
            ...running.job,
            rejections: [...running.job.rejections, ...running.unrecorded].slice(0, maxListedRejections),
          }
        : undefined;
    }
    const { job } = await this.load(importId);
    if (job === undefined || !mayFollow(job, context)) return undefined;
    return withStaleness(job, this.clock.now(), this.timing.staleAfterMs);
  }

  /**
   * Starts an import, or resumes an interrupted or failed one; the returned promise settles when every row has
   * been handled.
   */
  async start(
    input: Readable,
    context: RequestContext,
    resumes?: string,
  ): Promise<{ job: ImportJob; done: Promise<void>; received: Promise<void> }> {
    const now = this.now();
    const importId = resumes ?? this.ids.next();
    let started: { job: ImportJob; version: number };
    if (resumes === undefined) {
      started = await this.record(context, importId, undefined, 'no_stream', [
        {
          type: 'LeadImportStarted',
          data: { importId, divisionId: context.divisionId, startedAt: now, startedBy: context.actor.userId },
        },
      ]);
    } else {
      const existing = await this.get(resumes, context);
      if (existing === undefined)
        throw new LeadImportError(LeadImportErrorCode.NotFound, `No import ${resumes} in your division`);
      if (existing.status === 'running' || existing.status === 'done') {
        throw new LeadImportError(
          LeadImportErrorCode.NotResumable,
          `Import ${resumes} is ${existing.status}; only an interrupted or failed import can be resumed`,
          existing.status,
        );
      }
      const { job, version } = await this.load(resumes);
      started = await this.record(context, importId, job, version, [
        { type: 'LeadImportResumed', data: { importId, resumedAt: now } },
      ]);
    }
    const running: RunningImport = { context, ...started, unrecorded: [], recordedAt: Date.now() };
    this.running.set(importId, running);
    const { rows, received } = receiveEagerly(input);
    const done = this.run(rows, context, running)
      .then(
        () => this.finish(running, 'done'),
        (error: unknown) => this.finish(running, 'failed', error instanceof Error ? error.message : String(error)),
      )
      .catch((error: unknown) => {
        // Recording the end failed (the store is gone): the job will read as interrupted and can be resumed.
        this.logger.error('lead import could not record its end', { importId, error: String(error) });
      })
      .finally(() => this.running.delete(importId));
    return { job: { ...running.job }, done, received };
  }

  private async run(input: Readable, context: RequestContext, running: RunningImport): Promise<void> {
    const reader = new CsvRowReader();
    let header: string[] | undefined;
    input.setEncoding('utf8');
    const handle = async (rows: string[][]): Promise<void> => {
      for (const row of rows) {
        if (header === undefined) {
          header = row.map((column) => column.trim().toLowerCase());
          checkHeader(header);
          continue;
        }
        if (row.length === 1 && row[0]?.trim() === '') continue;
        running.job.rowsRead += 1;
        await this.importRow(header, row, running.job.rowsRead + 1, context, running);
        if (
          Date.now() - running.recordedAt >= this.timing.progressEveryMs ||
          running.unrecorded.length >= rejectionsPerProgress
        ) {
          await this.recordProgress(running);
        }
        // Long imports share the process: let other requests, and progress reads, in between rows.
        if (running.job.rowsRead % 50 === 0) await new Promise((resolve) => setImmediate(resolve));
      }
    };
    for await (const chunk of input) await handle(reader.push(chunk as string));
    await handle(reader.end());
    if (header === undefined) throw new Error('The file is empty: it needs a header line');
  }

  private async importRow(
    header: string[],
    row: string[],
    line: number,
    context: RequestContext,
    running: RunningImport,
  ): Promise<void> {
    const reading = await this.rows.read(rowBody(header, row));
    if ('errors' in reading) return this.reject(running, { line, reason: 'invalid row', errors: reading.errors });
    const rowContext = {
      ...context,
      idempotencyKey: `import.${running.job.importId}.${line}`,
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

  private async recordProgress(running: RunningImport): Promise<void> {
    const { rowsRead, accepted, rejected } = running.job;
    await this.recordRunning(running, {
      type: 'LeadImportProgressed',
      data: { rowsRead, accepted, rejected, rejections: running.unrecorded, at: this.now() },
    });
  }

  private async finish(running: RunningImport, outcome: 'done' | 'failed', error?: string): Promise<void> {
    const { rowsRead, accepted, rejected } = running.job;
    await this.recordRunning(running, {
      type: 'LeadImportFinished',
      data: {
        rowsRead,
        accepted,
        rejected,
        outcome,
        rejections: running.unrecorded,
        ...(error === undefined ? {} : { error }),
        finishedAt: this.now(),
      },
    });
    this.logger.info('lead import finished', { importId: running.job.importId, outcome, rowsRead, accepted, rejected });
  }

  private async recordRunning(running: RunningImport, event: LeadImportEvent): Promise<void> {
    const recorded = await this.record(running.context, running.job.importId, running.job, running.version, [event]);
    running.job = recorded.job;
    running.version = recorded.version;
    running.unrecorded = [];
    running.recordedAt = Date.now();
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

  private async load(importId: string): Promise<{ job: ImportJob | undefined; version: number }> {
    const events = await this.store.readStream(`leadimport-${importId}`);
    const job = events.reduce<ImportJob | undefined>(
      (current, event) => evolveImportJob(current, leadImportEvents.decode(event)),
      undefined,
    );
    return { job, version: events.at(-1)?.metadata.streamVersion ?? 0 };
  }

  private now(): string {
    return this.clock.now().toISOString();
  }
}

/** An upload's bytes held until the rows are read, up to about this many (a larger file waits for the import). */
const receiveBufferBytes = 8 * 1024 * 1024;

/**
 * Takes in the upload as fast as it arrives while the rows are imported at their own pace: the request is answered
 * once the upload is received, never before (a connection closed after the answer would cut off what is unread).
 */
function receiveEagerly(input: Readable): { rows: Readable; received: Promise<void> } {
  const rows = new PassThrough({ highWaterMark: receiveBufferBytes });
  const received = new Promise<void>((resolve, reject) => {
    input.once('end', resolve);
    input.once('error', (error) => {
      rows.destroy(error);
      reject(error);
    });
    input.once('close', () => {
      if (input.readableEnded) return;
      const broken = new Error('The upload broke off');
      rows.destroy(broken);
      reject(broken);
    });
  });
  input.pipe(rows);
  // An import that stops early (a bad header, a store failure) still takes in the rest, so the request is answered.
  rows.once('close', () => {
    if (!input.readableEnded) input.resume();
  });
  // A broken upload is the import's failure, reported by the job; waiting for the upload is optional.
  received.catch(() => undefined);
  return { rows, received };
}
