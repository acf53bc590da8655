/**
 * The store-only ceiling of the HTTP mix: the appends its commands make, copied from streams the service wrote,
 * replayed straight into PostgresEventStore.append with fresh ids. Same events, same sizes, same expected versions.
 */
import { randomUUID } from 'node:crypto';
import type { EventMetadataInput, EventStore, NewEvent, RecordedEvent } from '@salesos/event-store';
import type { ClientIdentity } from './leads-mix';

interface EventTemplate {
  type: string;
  schemaVersion: number;
  /** The payload as JSON, the aggregate's id in it replaced when a copy is made. */
  dataJson: string;
  metadata: EventMetadataInput;
}

/** The events one command appended in one call. */
interface AppendTemplate {
  events: EventTemplate[];
}

/** One aggregate's appends as the service made them: the first on a new stream, the others at exact versions. */
export interface StreamTemplate {
  category: string;
  /** The aggregate id as it appears in the template's payloads. */
  aggregateId: string;
  appends: AppendTemplate[];
}

/** A stream the service wrote, split back into its appends: consecutive events of one command were one call. */
export function streamTemplate(streamId: string, recorded: readonly RecordedEvent[]): StreamTemplate {
  const dash = streamId.indexOf('-');
  const appends: AppendTemplate[] = [];
  let commandId: string | undefined;
  for (const event of recorded) {
    const { type, schemaVersion, ...stored } = event.metadata;
    const {
      eventId: _id,
      streamId: _stream,
      streamVersion: _version,
      globalPosition: _at,
      recordedAt: _when,
      ...metadata
    } = stored;
    const template: EventTemplate = { type, schemaVersion, dataJson: JSON.stringify(event.data), metadata };
    if (appends.length > 0 && metadata.commandId === commandId) appends[appends.length - 1]?.events.push(template);
    else appends.push({ events: [template] });
    commandId = metadata.commandId;
  }
  return { category: streamId.slice(0, dash), aggregateId: streamId.slice(dash + 1), appends };
}

/** Bytes of data plus metadata of each append of a template, as the store receives them. */
export function appendBytes(template: StreamTemplate): number[] {
  return template.appends.map((append) =>
    append.events.reduce(
      (sum, event) => sum + Buffer.byteLength(event.dataJson) + Buffer.byteLength(JSON.stringify(event.metadata)),
      0,
    ),
  );
}

/**
 * One writer of the ceiling: walks the templates in order, each on a new stream of its own, exactly as one HTTP
 * client's commands do: one append per command.
 */
export class StoreWriter {
  private templateIndex = 0;
  private appendIndex = 0;
  private streamId = '';
  private aggregateId = '';
  private version = 0;

  constructor(
    private readonly store: EventStore,
    private readonly templates: readonly StreamTemplate[],
    private readonly identity: ClientIdentity,
  ) {}

  async next(): Promise<void> {
    const template = this.templates[this.templateIndex] as StreamTemplate;
    if (this.appendIndex === 0) {
      this.aggregateId = randomUUID();
      this.streamId = `${template.category}-${this.aggregateId}`;
      this.version = 0;
    }
    const append = template.appends[this.appendIndex] as AppendTemplate;
    const commandId = randomUUID();
    const events = append.events.map((event) => this.copy(event, template.aggregateId, commandId));
    const result = await this.store.append(this.streamId, events, this.version === 0 ? 'no_stream' : this.version);
    this.version = result.nextExpectedVersion;
    this.appendIndex += 1;
    if (this.appendIndex === template.appends.length) {
      this.appendIndex = 0;
      this.templateIndex = (this.templateIndex + 1) % this.templates.length;
    }
  }

  private copy(event: EventTemplate, templateId: string, commandId: string): NewEvent {
    return {
      eventId: randomUUID(),
      type: event.type,
      schemaVersion: event.schemaVersion,
      data: JSON.parse(event.dataJson.replaceAll(templateId, this.aggregateId)) as unknown,
      metadata: {
        ...event.metadata,
        occurredAt: new Date().toISOString(),
        divisionId: this.identity.divisionId,
        actor: { userId: this.identity.userId, roles: ['rep'] },
        commandId,
        correlationId: commandId,
        causationId: commandId,
      },
    };
  }
}
