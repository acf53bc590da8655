import { Inject, Injectable } from '@nestjs/common';
import type { Page } from '@salesos/http';
import { aggregateTable, type ServiceViews, Sql, type StoreProjection, toNumber } from '@salesos/projections';
import type { DataSource } from 'typeorm';
import { CHANNELS_DATABASE, CHANNELS_VIEWS } from '../../core/channels-service.tokens';
import { DealerDirectory, type DealerRecord } from '../application/dealer-directory.port';
import type { DealerFilter, DealerList, DealerSummary } from '../application/dealer-list.port';
import { type Dealer, dealerDecider, type DealerState } from '../domain/dealer.decider';
import { type DealerEvent, dealerEvents } from '../domain/dealer.events';

/** The company name as lists search and sort it, the same on both engines. */
export const companyKey = (name: string): string => name.normalize('NFKC').toLowerCase();

/** A LIKE pattern that finds `text` anywhere, its wildcards taken literally (with `ESCAPE '\\'`). */
const containing = (text: string): string => `%${companyKey(text).replace(/[\\%_]/g, (char) => `\\${char}`)}%`;

function summary(row: Record<string, unknown>): DealerSummary {
  const dealer = JSON.parse(String(row.state)) as Dealer;
  return {
    dealerId: dealer.dealerId,
    companyName: dealer.companyName,
    contactEmail: dealer.contactEmail,
    status: dealer.status,
    channelId: dealer.channelId,
    channelKind: dealer.channelKind,
    territories: dealer.territories,
    productGroups: dealer.productGroups,
    appliedAt: dealer.appliedAt,
    userIds: dealer.userIds,
    version: toNumber(row.version),
  };
}

/** Each dealer, folded with the dealer decider's own `evolve`, with the columns lists filter on. */
@Injectable()
export class DealersTable extends DealerDirectory implements DealerList {
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
            company_key: companyKey(dealer.companyName),
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

  async find(filter: DealerFilter, offset: number, limit: number): Promise<Page<DealerSummary>> {
    const where = (sql: Sql): string => {
      const conditions = [`d.division_id = ${sql.param(filter.divisionId)}`];
      if (filter.scope?.kind === 'dealer') conditions.push(`d.dealer_id = ${sql.param(filter.scope.dealerId)}`);
      if (filter.status !== undefined) conditions.push(`d.status = ${sql.param(filter.status)}`);
      if (filter.channelId !== undefined) conditions.push(`d.channel_id = ${sql.param(filter.channelId)}`);
      if (filter.q !== undefined) conditions.push(`d.company_key LIKE ${sql.param(containing(filter.q))} ESCAPE '\\'`);
      return conditions.join(' AND ');
    };
    const count = Sql.for(this.db);
    const [total] = await count.run(this.db, `SELECT COUNT(*) AS total FROM channels_dealer d WHERE ${where(count)}`);
    const page = Sql.for(this.db);
    const rows = await page.run(
      this.db,
      `SELECT d.state, d.version FROM channels_dealer d WHERE ${where(page)}
       ORDER BY ${page.binary('d.company_key')}, ${page.binary('d.dealer_id')}
       LIMIT ${page.param(limit)} OFFSET ${page.param(offset)}`,
    );
    return { items: rows.map(summary), total: toNumber(total?.total) };
  }
}
