import { Inject, Injectable } from '@nestjs/common';
import { aggregateTable, ServiceViews, Sql, type StoreProjection } from '@salesos/projections';
import type { DataSource } from 'typeorm';
import { LEADS_DATABASE } from '../../core/leads-service.tokens';
import { ChannelDealers } from '../application/channel-dealers.port';
import { dealerStandingDecider, type DealerStandingState, type KnownDealer } from '../domain/dealer-standing.decider';
import { type DealerStandingEvent, dealerStandingEvents } from '../domain/dealer-standing.events';

/** The channels service's dealers as the leads service heard of them, folded with the decider's own `evolve`. */
@Injectable()
export class DealersTable extends ChannelDealers {
  readonly projection: StoreProjection = aggregateTable<DealerStandingState, DealerStandingEvent>({
    name: 'dealers',
    category: 'channeldealer',
    table: 'leads_dealer',
    idColumn: 'dealer_id',
    codec: dealerStandingEvents,
    evolve: (state, event) => dealerStandingDecider.evolve(state, event),
    initialState: () => dealerStandingDecider.initialState(),
    columns: (state) =>
      state.status === 'none'
        ? undefined
        : { division_id: state.divisionId, channel_id: state.channelId ?? null, standing: state.standing },
  });

  constructor(
    @Inject(ServiceViews) views: ServiceViews,
    @Inject(LEADS_DATABASE) private readonly db: DataSource,
  ) {
    super();
    views.register(this.projection);
  }

  async dealer(dealerId: string): Promise<KnownDealer | undefined> {
    const sql = Sql.for(this.db);
    const [row] = await sql.run(this.db, `SELECT state FROM leads_dealer WHERE dealer_id = ${sql.param(dealerId)}`);
    return row === undefined ? undefined : (JSON.parse(String(row.state)) as KnownDealer);
  }
}
