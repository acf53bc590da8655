import { Inject, Injectable } from '@nestjs/common';
import type { Page } from '@salesos/http';
import {
  aggregateTable,
  type ServiceViews,
  Sql,
  type SqlRow,
  type StoreProjection,
  toNumber,
  toText,
} from '@salesos/projections';
import type { DataSource } from 'typeorm';
import { CHANNELS_DATABASE, CHANNELS_VIEWS } from '../../core/channels-service.tokens';
import {
  ContactLog,
  type ContactRecord,
  type OverdueFollowUp,
  type SilentDealer,
} from '../application/contact-log.port';
import { contactDay } from '../domain/contact-days';
import { contactDecider, type ContactState, type LoggedContact } from '../domain/contact.decider';
import { type ContactEvent, contactEvents } from '../domain/contact.events';
import { dealersNotContactedSince, overdueFollowUps } from '../domain/follow-ups';

const dayLength = 86_400_000;
const daysBefore = (day: string, days: number): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) - days * dayLength).toISOString().slice(0, 10);

const recordOf = (row: SqlRow): ContactRecord => ({
  ...(JSON.parse(String(row.state)) as LoggedContact),
  version: toNumber(row.version),
});

/**
 * Each contact, folded with the contact decider's own `evolve`, with the columns the log and the follow-up lists
 * filter on: the dealer, the day it happened, the follow-up's due day and whether it is done.
 */
@Injectable()
export class ContactsTable extends ContactLog {
  readonly projection: StoreProjection = aggregateTable<ContactState, ContactEvent>({
    name: 'contacts',
    category: 'contact',
    table: 'channels_contact',
    idColumn: 'contact_id',
    codec: contactEvents,
    evolve: (state, event) => contactDecider.evolve(state, event),
    initialState: () => contactDecider.initialState(),
    columns: (contact) =>
      contact.status === 'none'
        ? undefined
        : {
            division_id: contact.divisionId,
            dealer_id: contact.dealerId,
            happened_on: contactDay(contact.happenedAt),
            logged_at: contact.loggedAt,
            follow_up_due: contact.followUpDue ?? null,
            follow_up_done: contact.followUpCompleted === undefined ? 0 : 1,
          },
  });

  constructor(
    @Inject(CHANNELS_VIEWS) views: ServiceViews,
    @Inject(CHANNELS_DATABASE) private readonly db: DataSource,
  ) {
    super();
    views.register(this.projection);
  }

  async contact(divisionId: string, contactId: string): Promise<ContactRecord | undefined> {
    const sql = Sql.for(this.db);
    const [row] = await sql.run(
      this.db,
      `SELECT state, version FROM channels_contact
        WHERE contact_id = ${sql.param(contactId)} AND division_id = ${sql.param(divisionId)}`,
    );
    return row === undefined ? undefined : recordOf(row);
  }

  async ofDealer(divisionId: string, dealerId: string, offset: number, limit: number): Promise<Page<ContactRecord>> {
    const where = (sql: Sql) => `division_id = ${sql.param(divisionId)} AND dealer_id = ${sql.param(dealerId)}`;
    const sql = Sql.for(this.db);
    const rows = await sql.run(
      this.db,
      `SELECT state, version FROM channels_contact WHERE ${where(sql)}
        ORDER BY happened_on DESC, logged_at DESC, ${sql.binary('contact_id')} DESC
        LIMIT ${sql.param(limit)} OFFSET ${sql.param(offset)}`,
    );
    return { items: rows.map(recordOf), total: await this.count('channels_contact', where) };
  }

  async overdue(divisionId: string, today: string, offset: number, limit: number): Promise<Page<OverdueFollowUp>> {
    const where = (sql: Sql) =>
      `division_id = ${sql.param(divisionId)} AND follow_up_done = 0
        AND follow_up_due IS NOT NULL AND follow_up_due < ${sql.param(today)}`;
    const sql = Sql.for(this.db);
    const rows = await sql.run(
      this.db,
      `SELECT state, version FROM channels_contact WHERE ${where(sql)}
        ORDER BY follow_up_due ASC, ${sql.binary('contact_id')} ASC
        LIMIT ${sql.param(limit)} OFFSET ${sql.param(offset)}`,
    );
    const contacts = rows.map(recordOf);
    const days = new Map(overdueFollowUps(contacts, today).map((entry) => [entry.contactId, entry.daysOverdue]));
    const items = contacts.map((contact) => ({
      contactId: contact.contactId,
      dealerId: contact.dealerId,
      kind: contact.kind,
      happenedAt: contact.happenedAt,
      summary: contact.summary,
      followUpDue: contact.followUpDue as string,
      daysOverdue: days.get(contact.contactId) ?? 0,
    }));
    return { items, total: await this.count('channels_contact', where) };
  }

  async silent(
    divisionId: string,
    today: string,
    days: number,
    offset: number,
    limit: number,
  ): Promise<Page<SilentDealer>> {
    // The dealers are the dealers feature's view; the contacts joined to them are this one's.
    const silentDealers = (sql: Sql) =>
      `SELECT d.dealer_id AS dealer_id, d.company_name AS company_name, MAX(c.happened_on) AS last_contact
         FROM channels_dealer d
         LEFT JOIN channels_contact c ON c.dealer_id = d.dealer_id AND c.division_id = d.division_id
        WHERE d.division_id = ${sql.param(divisionId)} AND d.status IN ('onboarding', 'active', 'suspended')
        GROUP BY d.dealer_id, d.company_name
       HAVING MAX(c.happened_on) IS NULL OR MAX(c.happened_on) <= ${sql.param(daysBefore(today, days))}`;
    const sql = Sql.for(this.db);
    const rows = await sql.run(
      this.db,
      `${silentDealers(sql)}
        ORDER BY CASE WHEN MAX(c.happened_on) IS NULL THEN 0 ELSE 1 END, MAX(c.happened_on) ASC,
                 ${sql.binary('d.dealer_id')} ASC
        LIMIT ${sql.param(limit)} OFFSET ${sql.param(offset)}`,
    );
    const last = new Map(
      rows.map((row) => [String(row.dealer_id), row.last_contact === null ? undefined : toText(row.last_contact)]),
    );
    const silence = new Map(dealersNotContactedSince(last, today, days).map((entry) => [entry.dealerId, entry]));
    const items = rows.map((row) => ({
      ...silence.get(String(row.dealer_id)),
      dealerId: String(row.dealer_id),
      companyName: String(row.company_name),
    }));
    const counter = Sql.for(this.db);
    const [counted] = await counter.run(this.db, `SELECT COUNT(*) AS total FROM (${silentDealers(counter)}) AS silent`);
    return { items, total: toNumber(counted?.total) };
  }

  private async count(table: string, where: (sql: Sql) => string): Promise<number> {
    const sql = Sql.for(this.db);
    const [row] = await sql.run(this.db, `SELECT COUNT(*) AS total FROM ${table} WHERE ${where(sql)}`);
    return toNumber(row?.total);
  }
}
