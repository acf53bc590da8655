import { Inject, Injectable } from '@nestjs/common';
import type { Page } from '@salesos/http';
import { aggregateTable, type ServiceViews, Sql, type StoreProjection, toNumber } from '@salesos/projections';
import type { DataSource } from 'typeorm';
import {
  CHANNELS_DATABASE,
  CHANNELS_REGISTRATION_SETTINGS,
  CHANNELS_VIEWS,
  type RegistrationSettings,
} from '../../core/channels-service.tokens';
import { companyKey } from '../application/registration-deals.port';
import {
  type DueLapse,
  type RegistrationFilter,
  RegistrationList,
  type RegistrationSummary,
} from '../application/registration-list.port';
import { lapseDueAt } from '../domain/registration-lapse';
import { registrationDecider } from '../domain/registration.decider';
import { type RegistrationEvent, registrationEvents } from '../domain/registration.events';
import type { Registration, RegistrationState } from '../domain/registration.state';

function summary(row: Record<string, unknown>): RegistrationSummary {
  const registration = JSON.parse(String(row.state)) as Registration;
  const due = row.lapse_due_at;
  return {
    ...registration,
    ...(typeof due === 'string' ? { lapseDueAt: due } : {}),
    version: toNumber(row.version),
  };
}

/**
 * Each registration, folded with the registration decider's own `evolve`, with the columns lists filter on and the
 * instant its lapse falls due (re-armed after every event: a progress moves it, a lapse or an outcome clears it).
 */
@Injectable()
export class RegistrationsTable extends RegistrationList {
  readonly projection: StoreProjection;

  constructor(
    @Inject(CHANNELS_VIEWS) views: ServiceViews,
    @Inject(CHANNELS_DATABASE) private readonly db: DataSource,
    @Inject(CHANNELS_REGISTRATION_SETTINGS) settings: RegistrationSettings,
  ) {
    super();
    this.projection = aggregateTable<RegistrationState, RegistrationEvent>({
      name: 'registrations',
      category: 'registration',
      table: 'channels_registration',
      idColumn: 'registration_id',
      codec: registrationEvents,
      evolve: (state, event) => registrationDecider.evolve(state, event),
      initialState: () => registrationDecider.initialState(),
      columns: (registration) =>
        registration.status === 'none'
          ? undefined
          : {
              division_id: registration.divisionId,
              dealer_id: registration.dealerId,
              status: registration.status,
              company_name: registration.companyName,
              company_key: companyKey(registration.companyName),
              answer: registration.answer?.answer ?? null,
              opportunity_id: registration.opportunityId ?? null,
              submitted_at: registration.submittedAt,
              lapse_due_at: lapseDueAt(registration, settings.lapseAfterDays) ?? null,
            },
    });
    views.register(this.projection);
  }

  async find(filter: RegistrationFilter, offset: number, limit: number): Promise<Page<RegistrationSummary>> {
    const where = (sql: Sql): string => {
      const conditions = [`r.division_id = ${sql.param(filter.divisionId)}`];
      if (filter.dealerId !== undefined) conditions.push(`r.dealer_id = ${sql.param(filter.dealerId)}`);
      if (filter.status !== undefined) conditions.push(`r.status = ${sql.param(filter.status)}`);
      return conditions.join(' AND ');
    };
    const count = Sql.for(this.db);
    const [total] = await count.run(
      this.db,
      `SELECT COUNT(*) AS total FROM channels_registration r WHERE ${where(count)}`,
    );
    const page = Sql.for(this.db);
    const rows = await page.run(
      this.db,
      `SELECT r.state, r.version, r.lapse_due_at FROM channels_registration r WHERE ${where(page)}
       ORDER BY ${page.binary('r.submitted_at')} DESC, ${page.binary('r.registration_id')}
       LIMIT ${page.param(limit)} OFFSET ${page.param(offset)}`,
    );
    return { items: rows.map(summary), total: toNumber(total?.total) };
  }

  async dueLapses(now: string, limit: number): Promise<DueLapse[]> {
    const sql = Sql.for(this.db);
    const rows = await sql.run(
      this.db,
      `SELECT registration_id, division_id, lapse_due_at FROM channels_registration
        WHERE status = 'accepted' AND lapse_due_at IS NOT NULL AND lapse_due_at <= ${sql.param(now)}
        ORDER BY lapse_due_at, registration_id LIMIT ${sql.param(limit)}`,
    );
    return rows.map((row) => ({
      registrationId: String(row.registration_id),
      divisionId: String(row.division_id),
      dueAt: String(row.lapse_due_at),
    }));
  }

  async registrationOfDeal(deal: {
    opportunityId: string;
    divisionId: string;
    dealerId?: string;
    accountName?: string;
  }): Promise<string | undefined> {
    const tied = Sql.for(this.db);
    const [row] = await tied.run(
      this.db,
      `SELECT registration_id FROM channels_registration
        WHERE opportunity_id = ${tied.param(deal.opportunityId)} AND division_id = ${tied.param(deal.divisionId)}
        ORDER BY registration_id LIMIT 1`,
    );
    if (row !== undefined) return String(row.registration_id);
    if (deal.dealerId === undefined || deal.accountName === undefined || deal.accountName === '') return undefined;
    const open = Sql.for(this.db);
    const [match] = await open.run(
      this.db,
      `SELECT registration_id FROM channels_registration
        WHERE division_id = ${open.param(deal.divisionId)} AND dealer_id = ${open.param(deal.dealerId)}
          AND company_key = ${open.param(companyKey(deal.accountName))} AND status = 'accepted'
          AND opportunity_id IS NULL
        ORDER BY submitted_at, registration_id LIMIT 1`,
    );
    return match === undefined ? undefined : String(match.registration_id);
  }
}
