/**
 * The HTTP command mix, "capture, then stage changes": each client opens an opportunity, moves it through the
 * new-business pipeline with the ETag it was given, then captures a lead, and starts over.
 */
import type { HttpAnswer, LoopbackHttp } from './leads-http';
import { benchBearer } from './bench-auth';

export type CommandKind = 'open_opportunity' | 'move_stage' | 'capture_lead';

export const commandKinds: readonly CommandKind[] = ['open_opportunity', 'move_stage', 'capture_lead'];

/** The moves after opening; the opportunity starts at the pipeline's first stage, prospecting. */
export const stageMoves = ['qualification', 'proposal', 'negotiation'] as const;

type Planned = { kind: 'open_opportunity' } | { kind: 'move_stage'; stageId: string } | { kind: 'capture_lead' };

const cycle: readonly Planned[] = [
  { kind: 'open_opportunity' },
  ...stageMoves.map((stageId): Planned => ({ kind: 'move_stage', stageId })),
  { kind: 'capture_lead' },
];

export const commandsPerCycle = cycle.length;

export const mixDescription =
  `per client, in a loop: POST /opportunities (new-business), PUT /opportunities/{id}/stage to ` +
  `${stageMoves.join(', ')} with If-Match, then POST /leads with a company, email and phone unique to the run`;

export interface CommandOutcome {
  kind: CommandKind;
  /** 0 when no HTTP answer came (connection error). */
  status: number;
  ok: boolean;
  /** The stream the command created, for a create that succeeded. */
  createdStreamId?: string;
  /** Status and body of a failed command. */
  failure?: string;
}

export interface ClientIdentity {
  index: number;
  divisionId: string;
  userId: string;
}

/** Client `index` acts for its own division, so duplicate detection sees only its own leads. */
export function clientIdentity(index: number): ClientIdentity {
  return { index, divisionId: `division-${index}`, userId: `rep-${index}` };
}

/** One client's script; `next` runs its next command and never throws. */
export class LeadsClient {
  private position = 0;
  private leadsCaptured = 0;
  private opportunity: { id: string; etag: string } | undefined;
  private readonly headers: Record<string, string>;

  constructor(
    private readonly http: LoopbackHttp,
    private readonly identity: ClientIdentity,
  ) {
    this.headers = benchBearer({ userId: identity.userId, roles: ['rep'], divisions: [identity.divisionId] });
  }

  async next(): Promise<CommandOutcome> {
    const planned = this.advance();
    try {
      switch (planned.kind) {
        case 'open_opportunity':
          return await this.open();
        case 'move_stage':
          return await this.move(planned.stageId);
        case 'capture_lead':
          return await this.capture();
      }
    } catch (error) {
      this.opportunity = undefined;
      return { kind: planned.kind, status: 0, ok: false, failure: `no answer: ${(error as Error).message}` };
    }
  }

  /** After a failed open there is nothing to move: straight on to the capture. */
  private advance(): Planned {
    let planned = cycle[this.position] as Planned;
    if (planned.kind === 'move_stage' && this.opportunity === undefined) {
      this.position = cycle.length - 1;
      planned = cycle[this.position] as Planned;
    }
    this.position = (this.position + 1) % cycle.length;
    return planned;
  }

  private async open(): Promise<CommandOutcome> {
    this.opportunity = undefined;
    const answer = await this.http.send('POST', '/opportunities', this.headers, opportunityBody(this.identity));
    const id = answer.status === 201 ? stringField(answer.body, 'opportunityId') : undefined;
    if (id === undefined || answer.etag === undefined) return failed('open_opportunity', answer);
    this.opportunity = { id, etag: answer.etag };
    return { kind: 'open_opportunity', status: answer.status, ok: true, createdStreamId: `opportunity-${id}` };
  }

  private async move(stageId: string): Promise<CommandOutcome> {
    const { id, etag } = this.opportunity as { id: string; etag: string };
    const answer = await this.http.send(
      'PUT',
      `/opportunities/${id}/stage`,
      { ...this.headers, 'if-match': etag },
      { stageId },
    );
    if (answer.status !== 200 || answer.etag === undefined) {
      this.opportunity = undefined;
      return failed('move_stage', answer);
    }
    this.opportunity = { id, etag: answer.etag };
    return { kind: 'move_stage', status: answer.status, ok: true };
  }

  private async capture(): Promise<CommandOutcome> {
    this.leadsCaptured += 1;
    const body = leadBody(this.identity, this.leadsCaptured);
    const answer = await this.http.send('POST', '/leads', this.headers, body);
    const id = answer.status === 201 ? stringField(answer.body, 'leadId') : undefined;
    if (id === undefined) return failed('capture_lead', answer);
    return { kind: 'capture_lead', status: answer.status, ok: true, createdStreamId: `lead-${id}` };
  }
}

function opportunityBody(identity: ClientIdentity) {
  return {
    accountName: `Account of ${identity.userId}`,
    pipelineId: 'new-business',
    amount: { amount: 50_000, currency: 'EUR' },
    expectedCloseDate: '2026-06-30',
    products: [{ productId: 'press-200', quantity: 2 }],
    channel: { kind: 'direct' },
  };
}

/** Company, email and phone all unique per client and capture, so no capture is refused as a duplicate. */
function leadBody(identity: ClientIdentity, sequence: number) {
  const key = `${identity.index}-${sequence}`;
  return {
    source: 'web-form',
    campaign: 'q3-campaign',
    contact: {
      name: 'Jordan Example',
      email: `jordan.${key}@prospect-${identity.index}.example`,
      phone: `+49 30 ${String(identity.index).padStart(2, '0')}${String(sequence).padStart(8, '0')}`,
    },
    company: { name: `Prospect ${key} Industrial GmbH`, industry: 'manufacturing', sizeBand: 'mid' },
    territory: 'dach',
    estimatedValue: { amount: 125_000, currency: 'EUR' },
    needTags: ['automation', 'service'],
  };
}

function failed(kind: CommandKind, answer: HttpAnswer): CommandOutcome {
  return { kind, status: answer.status, ok: false, failure: `${answer.status} ${answer.body.slice(0, 300)}` };
}

/** A string field of a JSON object body; undefined for anything else, so a bad body is reported, not thrown. */
function stringField(json: string, field: string): string | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const value: unknown = (parsed as Record<string, unknown>)[field];
  return typeof value === 'string' ? value : undefined;
}
