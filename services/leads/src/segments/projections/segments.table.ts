import { Inject, Injectable } from '@nestjs/common';
import { aggregateTable, Sql, type StoreProjection } from '@salesos/projections';
import type { DataSource } from 'typeorm';
import { type LeadProfile, type SegmentDefinition, segmentsMatching } from '../../core/domain/target-audience';
import { LEADS_DATABASE } from '../../core/leads-service.tokens';
import { ServiceViews } from '@salesos/projections';
import { type ActiveSegment, ActiveSegments } from '../application/active-segments.port';
import { segmentDecider, type SegmentState } from '../domain/segment.decider';
import { type SegmentEvent, segmentEvents } from '../domain/segment.events';

/** Segments per division, folded with the segment decider's own `evolve`; active ones match leads. */
@Injectable()
export class SegmentsTable extends ActiveSegments {
  readonly projection: StoreProjection = aggregateTable<SegmentState, SegmentEvent>({
    name: 'segments',
    category: 'segment',
    table: 'leads_segment',
    idColumn: 'segment_id',
    codec: segmentEvents,
    evolve: (state, event) => segmentDecider.evolve(state, event),
    initialState: () => segmentDecider.initialState(),
    columns: (segment) =>
      segment.status === 'none'
        ? undefined
        : { division_id: segment.divisionId, status: segment.status, name: segment.name },
  });

  constructor(
    @Inject(ServiceViews) views: ServiceViews,
    @Inject(LEADS_DATABASE) private readonly db: DataSource,
  ) {
    super();
    views.register(this.projection);
  }

  async list(divisionId: string): Promise<ActiveSegment[]> {
    const sql = Sql.for(this.db);
    const rows = await sql.run(
      this.db,
      `SELECT state FROM leads_segment WHERE division_id = ${sql.param(divisionId)} AND status = 'active'
       ORDER BY name, ${sql.binary('segment_id')}`,
    );
    return rows.map((row) => {
      const { segmentId, divisionId: division, name, criteria } = JSON.parse(String(row.state)) as ActiveSegment;
      return { segmentId, divisionId: division, name, criteria };
    });
  }

  async definitions(divisionId: string): Promise<SegmentDefinition[]> {
    return (await this.list(divisionId)).map(({ segmentId, criteria }) => ({ segmentId, criteria }));
  }

  async matching(divisionId: string, lead: LeadProfile): Promise<string[]> {
    return segmentsMatching(lead, await this.definitions(divisionId));
  }
}
