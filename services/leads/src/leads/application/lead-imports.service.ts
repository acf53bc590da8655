import type { Readable } from 'node:stream';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { type FieldError, fieldErrorsOf, type IdGenerator, type RequestContext } from '@salesos/http';
import { CsvRowReader } from '../../shared/csv';
import { CaptureLeadRequest } from '../api/capture-lead.request.dto';
import { toCaptureInput } from '../api/capture-input';
import { LeadError } from '../domain/lead.errors';
import type { LeadCommands } from './lead-commands.service';

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

export interface RowRejection {
  /** 1-based line of the data row, the header being line 1. */
  line: number;
  reason: string;
  errors?: FieldError[];
}

export interface ImportJob {
  importId: string;
  status: 'running' | 'done' | 'failed';
  rowsRead: number;
  accepted: number;
  rejected: number;
  rejections: RowRejection[];
  startedAt: string;
  finishedAt?: string;
  error?: string;
}

const maxListedRejections = 10_000;

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

/**
 * CSV import of leads: the file is streamed, each row becomes one capture command with its own idempotency key,
 * valid rows are stored and invalid ones reported with the reason; a job shows its progress while it runs.
 */
export class LeadImports {
  private readonly jobs = new Map<string, ImportJob>();

  constructor(
    private readonly leads: LeadCommands,
    private readonly ids: IdGenerator,
  ) {}

  get(importId: string, context: RequestContext): ImportJob | undefined {
    const job = this.jobs.get(`${context.divisionId}:${importId}`);
    return job === undefined ? undefined : { ...job, rejections: [...job.rejections] };
  }

  /** Starts the import; the returned promise settles when every row has been handled. */
  start(input: Readable, context: RequestContext): { job: ImportJob; done: Promise<void> } {
    const importId = this.ids.next();
    const job: ImportJob = {
      importId,
      status: 'running',
      rowsRead: 0,
      accepted: 0,
      rejected: 0,
      rejections: [],
      startedAt: new Date().toISOString(),
    };
    this.jobs.set(`${context.divisionId}:${importId}`, job);
    const done = this.run(input, context, job).then(
      () => {
        job.status = 'done';
        job.finishedAt = new Date().toISOString();
      },
      (error: unknown) => {
        job.status = 'failed';
        job.error = error instanceof Error ? error.message : String(error);
        job.finishedAt = new Date().toISOString();
      },
    );
    return { job, done };
  }

  private async run(input: Readable, context: RequestContext, job: ImportJob): Promise<void> {
    const reader = new CsvRowReader();
    let header: string[] | undefined;
    input.setEncoding('utf8');
    const handle = async (rows: string[][]): Promise<void> => {
      for (const row of rows) {
        if (header === undefined) {
          header = row.map((column) => column.trim().toLowerCase());
          const unknown = header.filter((column) => !(importColumns as readonly string[]).includes(column));
          const missing = ['source', 'contact_name', 'company_name'].filter((column) => !header?.includes(column));
          if (unknown.length > 0 || missing.length > 0) {
            throw new Error(
              `The header must name columns from ${importColumns.join(', ')}` +
                `${unknown.length > 0 ? `; unknown: ${unknown.join(', ')}` : ''}${missing.length > 0 ? `; missing: ${missing.join(', ')}` : ''}`,
            );
          }
          continue;
        }
        if (row.length === 1 && row[0]?.trim() === '') continue;
        job.rowsRead += 1;
        await this.importRow(header, row, job.rowsRead + 1, context, job);
        // Long imports share the process: let other requests, and progress reads, in between rows.
        if (job.rowsRead % 50 === 0) await new Promise((resolve) => setImmediate(resolve));
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
    job: ImportJob,
  ): Promise<void> {
    const request = plainToInstance(CaptureLeadRequest, withoutUndefined(rowToRequest(header, row)));
    const problems = await validate(request, { whitelist: true, forbidNonWhitelisted: true });
    if (problems.length > 0) {
      const errors = fieldErrorsOf(problems);
      return this.reject(job, { line, reason: 'invalid row', errors });
    }
    try {
      await this.leads.capture(toCaptureInput(request), {
        ...context,
        idempotencyKey: `import.${job.importId}.${line}`,
      });
      job.accepted += 1;
    } catch (error) {
      if (!(error instanceof LeadError)) throw error;
      this.reject(job, { line, reason: error.message });
    }
  }

  private reject(job: ImportJob, rejection: RowRejection): void {
    job.rejected += 1;
    if (job.rejections.length < maxListedRejections) job.rejections.push(rejection);
  }
}
