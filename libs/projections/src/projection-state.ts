import type { RecordedEvent } from '@salesos/event-store';
import type { DataSource, EntityManager } from 'typeorm';

/** A parked event as operators see it: what it was and why no projection could take it. */
export interface ParkedEvent {
  eventId: string;
  streamId: string;
  position: string;
  type: string;
  reason: string;
  parkedAt: string;
}

/** The checkpoint and parked events of one projector, with statements that read alike on both engines. */
export class ProjectionState {
  private readonly postgres: boolean;

  constructor(
    private readonly dataSource: DataSource,
    private readonly projector: string,
  ) {
    this.postgres = dataSource.options.type === 'postgres';
  }

  private param(index: number): string {
    return this.postgres ? `$${index}` : '?';
  }

  async checkpoint(tx: EntityManager | DataSource = this.dataSource): Promise<bigint> {
    const rows = await tx.query<Array<{ position: string }>>(
      `SELECT position FROM projection_checkpoint WHERE projector = ${this.param(1)}`,
      [this.projector],
    );
    return rows[0] === undefined ? 0n : BigInt(rows[0].position);
  }

  async moveTo(tx: EntityManager, position: bigint, at: Date): Promise<void> {
    await tx.query(
      `INSERT INTO projection_checkpoint (projector, position, updated_at) VALUES (${this.param(1)}, ${this.param(2)}, ${this.param(3)})
       ON CONFLICT (projector) DO UPDATE SET position = excluded.position, updated_at = excluded.updated_at`,
      [this.projector, position.toString(), at.toISOString()],
    );
  }

  async park(tx: EntityManager, event: RecordedEvent, reason: string, at: Date): Promise<void> {
    const { metadata } = event;
    await tx.query(
      `INSERT INTO projection_parked_event (projector, event_id, stream_id, position, type, reason, parked_at)
       VALUES (${[1, 2, 3, 4, 5, 6, 7].map((index) => this.param(index)).join(', ')})
       ON CONFLICT (projector, event_id) DO NOTHING`,
      [
        this.projector,
        metadata.eventId,
        metadata.streamId,
        metadata.globalPosition.toString(),
        event.type,
        reason.slice(0, 2000),
        at.toISOString(),
      ],
    );
  }

  async parked(): Promise<ParkedEvent[]> {
    const rows = await this.dataSource.query<Array<Record<string, string>>>(
      `SELECT event_id, stream_id, position, type, reason, parked_at FROM projection_parked_event
       WHERE projector = ${this.param(1)} ORDER BY parked_at, event_id`,
      [this.projector],
    );
    return rows.map((row) => ({
      eventId: String(row.event_id),
      streamId: String(row.stream_id),
      position: String(row.position),
      type: String(row.type),
      reason: String(row.reason),
      parkedAt: String(row.parked_at),
    }));
  }
}
