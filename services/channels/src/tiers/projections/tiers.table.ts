import { Inject, Injectable } from '@nestjs/common';
import { aggregateTable, type ServiceViews, Sql, type StoreProjection, toNumber } from '@salesos/projections';
import type { DataSource } from 'typeorm';
import { CHANNELS_DATABASE, CHANNELS_VIEWS } from '../../core/channels-service.tokens';
import { type DealerTierRecord, TierDirectory, type TierProgrammeRecord } from '../application/tier-directory.port';
import { currentTier } from '../domain/tier-history';
import { type TierProgramme, tierProgrammeDecider, type TierProgrammeState } from '../domain/tier-programme.decider';
import { type TierProgrammeEvent, tierProgrammeEvents } from '../domain/tier-programme.events';
import { type TierRecord, tierRecordDecider, type TierRecordState } from '../domain/tier-record.decider';
import { type TierRecordEvent, tierRecordEvents } from '../domain/tier-record.events';

const programmeOf = (row: Record<string, unknown>): TierProgrammeRecord => ({
  ...(JSON.parse(String(row.state)) as TierProgramme),
  version: toNumber(row.version),
});

/**
 * The division's tier programmes and each dealer's tier record, each folded with its decider's own `evolve`. The
 * record's state carries its history as sorted arrays, so an as-of question is one read by key and a binary search.
 */
@Injectable()
export class TiersTable extends TierDirectory {
  readonly programmeViews: StoreProjection = aggregateTable<TierProgrammeState, TierProgrammeEvent>({
    name: 'tier-programmes',
    category: 'tierprogramme',
    table: 'channels_tier_programme',
    idColumn: 'programme_id',
    codec: tierProgrammeEvents,
    evolve: (state, event) => tierProgrammeDecider.evolve(state, event),
    initialState: () => tierProgrammeDecider.initialState(),
    columns: (programme) =>
      programme.status === 'none' ? undefined : { division_id: programme.divisionId, name: programme.name },
  });

  readonly recordViews: StoreProjection = aggregateTable<TierRecordState, TierRecordEvent>({
    name: 'dealer-tiers',
    category: 'dealertier',
    table: 'channels_dealer_tier',
    idColumn: 'dealer_id',
    codec: tierRecordEvents,
    evolve: (state, event) => tierRecordDecider.evolve(state, event),
    initialState: () => tierRecordDecider.initialState(),
    columns: (record) =>
      record.status === 'none'
        ? undefined
        : {
            division_id: record.divisionId,
            programme_id: record.programmeId,
            current_tier_id: currentTier(record.history)?.tierId ?? null,
          },
  });

  constructor(
    @Inject(CHANNELS_VIEWS) views: ServiceViews,
    @Inject(CHANNELS_DATABASE) private readonly db: DataSource,
  ) {
    super();
    views.register(this.programmeViews);
    views.register(this.recordViews);
  }

  async programme(divisionId: string, programmeId: string): Promise<TierProgrammeRecord | undefined> {
    const sql = Sql.for(this.db);
    const [row] = await sql.run(
      this.db,
      `SELECT state, version FROM channels_tier_programme
        WHERE programme_id = ${sql.param(programmeId)} AND division_id = ${sql.param(divisionId)}`,
    );
    return row === undefined ? undefined : programmeOf(row);
  }

  async programmes(divisionId: string): Promise<TierProgrammeRecord[]> {
    const sql = Sql.for(this.db);
    const rows = await sql.run(
      this.db,
      `SELECT state, version FROM channels_tier_programme WHERE division_id = ${sql.param(divisionId)}
        ORDER BY ${sql.binary('programme_id')}`,
    );
    return rows.map(programmeOf);
  }

  async tierRecord(divisionId: string, dealerId: string): Promise<DealerTierRecord | undefined> {
    const sql = Sql.for(this.db);
    const [row] = await sql.run(
      this.db,
      `SELECT state, version FROM channels_dealer_tier
        WHERE dealer_id = ${sql.param(dealerId)} AND division_id = ${sql.param(divisionId)}`,
    );
    if (row === undefined) return undefined;
    return { ...(JSON.parse(String(row.state)) as TierRecord), version: toNumber(row.version) };
  }
}
