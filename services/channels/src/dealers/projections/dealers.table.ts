import { Inject, Injectable } from '@nestjs/common';
import { aggregateTable, type ServiceViews, Sql, type StoreProjection, toNumber } from '@salesos/projections';
import type { DataSource } from 'typeorm';
import { CHANNELS_DATABASE, CHANNELS_VIEWS } from '../../core/channels-service.tokens';
import { DealerDirectory, type DealerRecord } from '../application/dealer-directory.port';
import { type Dealer, dealerDecider, type DealerState } from '../domain/dealer.decider';
import { type DealerEvent, dealerEvents } from '../domain/dealer.events';

/** Each dealer, folded with the dealer decider's own `evolve`, with the columns lists filter on. */
@Injectable()
export class DealersTable extends DealerDirectory {
  readonly projection: StoreProjection = aggregateTable<DealerState, DealerEvent>({
    name: 'dealers',
    category: 'dealer',
    table: 'channels_dealer',
    idColumn: 'dealer_id',
    codec: dealerEvents,
    evolve: (state, event) => dealerDecider.evolve(state, event),
    initialState: () => dealerDecider.initialState(),
    columns: (dealer) =>
      dealer.status === 'none'
        ? undefined
        : {
            division_id: dealer.divisionId,
            status: dealer.status,
            channel_id: dealer.channelId,
            company_name: dealer.companyName,
          },
  });

  constructor(
    @Inject(CHANNELS_VIEWS) views: ServiceViews,
    @Inject(CHANNELS_DATABASE) private readonly db: DataSource,
  ) {
    super();
    views.register(this.projection);
  }

  async dealer(divisionId: string, dealerId: string): Promise<DealerRecord | undefined> {
    const sql = Sql.for(this.db);
    const [row] = await sql.run(
      this.db,
      `SELECT state, version FROM channels_dealer
        WHERE dealer_id = ${sql.param(dealerId)} AND division_id = ${sql.param(divisionId)}`,
    );
    if (row === undefined) return undefined;
    return { ...(JSON.parse(String(row.state)) as Dealer), version: toNumber(row.version) };
  }
}
