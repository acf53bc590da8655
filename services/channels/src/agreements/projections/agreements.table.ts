import { Inject, Injectable } from '@nestjs/common';
import type { Page } from '@salesos/http';
import {
  aggregateTable,
  type ServiceViews,
  Sql,
  type StoreProjection,
  toNumber,
  upsertRows,
} from '@salesos/projections';
import type { DataSource } from 'typeorm';
import { CHANNELS_DATABASE, CHANNELS_VIEWS } from '../../core/channels-service.tokens';
import { type AgreementFilter, AgreementRegister, type AgreementRecord } from '../application/agreement-register.port';
import { type Agreement, agreementDecider, type AgreementState } from '../domain/agreement.decider';
import { type AgreementEvent, agreementEvents } from '../domain/agreement.events';
import { addDays } from '../domain/calendar-days';

interface Coverage {
  agreement_id: string;
  in_force_from: string;
  in_force_to: string;
  coverage_ends_on: string;
}

/**
 * The days each signed version is the one in force (from its start until it expires or the next one starts), and the
 * last day of the unbroken terms from it on: the same walk as `expiringWithin`, done once per change so that "which
 * agreements run out within N days of today" is one indexed query whatever today is.
 */
export function coverageOf(agreement: Agreement): Coverage[] {
  const { signed } = agreement;
  const rows: Coverage[] = [];
  for (const [at, version] of signed.entries()) {
    const next = signed[at + 1];
    const dayBeforeNext = next === undefined ? version.expiresOn : addDays(next.effectiveFrom, -1);
    const inForceTo = dayBeforeNext < version.expiresOn ? dayBeforeNext : version.expiresOn;
    if (inForceTo < version.effectiveFrom) continue;
    let last = version;
    for (let follow = signed[at + 1], step = at + 1; follow !== undefined; follow = signed[++step]) {
      if (follow.effectiveFrom > addDays(last.expiresOn, 1)) break;
      last = follow;
    }
    rows.push({
      agreement_id: agreement.agreementId,
      in_force_from: version.effectiveFrom,
      in_force_to: inForceTo,
      coverage_ends_on: last.expiresOn,
    });
  }
  return rows;
}

const record = (row: Record<string, unknown>): AgreementRecord => ({
  ...(JSON.parse(String(row.state)) as Agreement),
  version: toNumber(row.version),
});

/** Each agreement, folded with the agreement decider's own `evolve`, with the columns lists filter on. */
@Injectable()
export class AgreementsTable extends AgreementRegister {
  readonly projection: StoreProjection = aggregateTable<AgreementState, AgreementEvent>({
    name: 'agreements',
    category: 'agreement',
    table: 'channels_agreement',
    idColumn: 'agreement_id',
    codec: agreementEvents,
    evolve: (state, event) => agreementDecider.evolve(state, event),
    initialState: () => agreementDecider.initialState(),
    columns: (agreement) =>
      agreement.status === 'none'
        ? undefined
        : { division_id: agreement.divisionId, dealer_id: agreement.dealerId, status: agreement.status },
    afterPage: async (changes, tx) => {
      const sql = Sql.for(tx);
      await sql.run(
        tx,
        `DELETE FROM channels_agreement_coverage WHERE agreement_id IN (${sql.list(changes.map((change) => change.id))})`,
      );
      const rows = changes.flatMap((change) => (change.after.status === 'none' ? [] : coverageOf(change.after)));
      await upsertRows(
        tx,
        'channels_agreement_coverage',
        ['agreement_id', 'in_force_from'],
        rows.map((row) => ({ ...row })),
      );
    },
  });

  constructor(
    @Inject(CHANNELS_VIEWS) views: ServiceViews,
    @Inject(CHANNELS_DATABASE) private readonly db: DataSource,
  ) {
    super();
    views.register(this.projection);
  }

  async agreement(divisionId: string, agreementId: string): Promise<AgreementRecord | undefined> {
    const sql = Sql.for(this.db);
    const [row] = await sql.run(
      this.db,
      `SELECT state, version FROM channels_agreement
        WHERE agreement_id = ${sql.param(agreementId)} AND division_id = ${sql.param(divisionId)}`,
    );
    return row === undefined ? undefined : record(row);
  }

  async find(filter: AgreementFilter, offset: number, limit: number): Promise<Page<AgreementRecord>> {
    const where = (sql: Sql): string => {
      const conditions = [`a.division_id = ${sql.param(filter.divisionId)}`];
      if (filter.reachDealerId !== undefined) conditions.push(`a.dealer_id = ${sql.param(filter.reachDealerId)}`);
      if (filter.dealerId !== undefined) conditions.push(`a.dealer_id = ${sql.param(filter.dealerId)}`);
      if (filter.expiringWithinDays !== undefined) {
        const today = sql.param(filter.today);
        conditions.push(
          `a.status = 'open' AND EXISTS (SELECT 1 FROM channels_agreement_coverage c
             WHERE c.agreement_id = a.agreement_id AND c.in_force_from <= ${today} AND c.in_force_to >= ${sql.param(filter.today)}
               AND c.coverage_ends_on <= ${sql.param(addDays(filter.today, filter.expiringWithinDays))})`,
        );
      }
      return conditions.join(' AND ');
    };
    const count = Sql.for(this.db);
    const [total] = await count.run(
      this.db,
      `SELECT COUNT(*) AS total FROM channels_agreement a WHERE ${where(count)}`,
    );
    const page = Sql.for(this.db);
    const rows = await page.run(
      this.db,
      `SELECT a.state, a.version FROM channels_agreement a WHERE ${where(page)}
        ORDER BY ${page.binary('a.agreement_id')} LIMIT ${page.param(limit)} OFFSET ${page.param(offset)}`,
    );
    return { items: rows.map(record), total: toNumber(total?.total) };
  }
}
