import { Inject, Injectable } from '@nestjs/common';
import { Sql } from '@salesos/projections';
import type { DataSource } from 'typeorm';
import { CHANNELS_DATABASE } from '../../core/channels-service.tokens';
import { type DealProduct, type RegistrationDeal, RegistrationDeals } from '../application/registration-deals.port';

/** The deals of `channels_registration_deal`, written as the leads service's events arrive (each write idempotent). */
@Injectable()
export class RegistrationDealsTable extends RegistrationDeals {
  constructor(@Inject(CHANNELS_DATABASE) private readonly db: DataSource) {
    super();
  }

  async opened(deal: RegistrationDeal): Promise<void> {
    const sql = Sql.for(this.db);
    await sql.run(
      this.db,
      `INSERT INTO channels_registration_deal (opportunity_id, division_id, dealer_id, account_key, products)
       VALUES (${sql.param(deal.opportunityId)}, ${sql.param(deal.divisionId)}, ${sql.param(deal.dealerId ?? null)},
               ${sql.param(deal.accountKey)}, ${sql.param(JSON.stringify(deal.products))})
       ON CONFLICT (opportunity_id) DO UPDATE SET division_id = excluded.division_id, dealer_id = excluded.dealer_id,
         account_key = excluded.account_key, products = excluded.products`,
    );
  }

  async attributed(opportunityId: string, divisionId: string, dealerId: string | undefined): Promise<void> {
    const sql = Sql.for(this.db);
    await sql.run(
      this.db,
      `INSERT INTO channels_registration_deal (opportunity_id, division_id, dealer_id, account_key, products)
       VALUES (${sql.param(opportunityId)}, ${sql.param(divisionId)}, ${sql.param(dealerId ?? null)}, '', '[]')
       ON CONFLICT (opportunity_id) DO UPDATE SET dealer_id = excluded.dealer_id`,
    );
  }

  async productsChanged(opportunityId: string, divisionId: string, products: DealProduct[]): Promise<void> {
    const sql = Sql.for(this.db);
    await sql.run(
      this.db,
      `INSERT INTO channels_registration_deal (opportunity_id, division_id, dealer_id, account_key, products)
       VALUES (${sql.param(opportunityId)}, ${sql.param(divisionId)}, NULL, '', ${sql.param(JSON.stringify(products))})
       ON CONFLICT (opportunity_id) DO UPDATE SET products = excluded.products`,
    );
  }

  async deal(opportunityId: string): Promise<RegistrationDeal | undefined> {
    const sql = Sql.for(this.db);
    const [row] = await sql.run(
      this.db,
      `SELECT opportunity_id, division_id, dealer_id, account_key, products FROM channels_registration_deal
        WHERE opportunity_id = ${sql.param(opportunityId)}`,
    );
    if (row === undefined) return undefined;
    return {
      opportunityId: String(row.opportunity_id),
      divisionId: String(row.division_id),
      ...(typeof row.dealer_id === 'string' ? { dealerId: row.dealer_id } : {}),
      accountKey: String(row.account_key),
      products: JSON.parse(String(row.products)) as DealProduct[],
    };
  }
}
