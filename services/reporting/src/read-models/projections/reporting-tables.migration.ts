import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The reporting read models, in SQL that PostgreSQL and SQLite both take: times are ISO-8601 text (they sort as
 * times), amounts double precision in the currency's major unit, lists JSON text. Every row carries its division.
 * `prefix` names the tables a rebuild fills beside the live ones.
 */
export function readModelTableStatements(prefix = ''): Array<{ table: string; create: string }> {
  return [
    {
      table: `${prefix}rpt_opportunity`,
      create: `CREATE TABLE ${prefix}rpt_opportunity (
         opportunity_id varchar(100) PRIMARY KEY,
         division_id varchar(100) NOT NULL,
         lead_id varchar(100),
         account_name varchar(200) NOT NULL,
         owner_rep_id varchar(100),
         team_id varchar(100),
         pipeline_id varchar(100) NOT NULL,
         stage_id varchar(60) NOT NULL,
         stage_entered_at varchar(40) NOT NULL,
         probability double precision NOT NULL,
         amount double precision NOT NULL,
         currency varchar(3) NOT NULL,
         expected_close_date varchar(10) NOT NULL,
         channel varchar(10) NOT NULL,
         dealer_id varchar(100),
         products text NOT NULL,
         status varchar(10) NOT NULL,
         opened_at varchar(40) NOT NULL,
         forecast_since varchar(40),
         closed_at varchar(40),
         closed_settled_at varchar(40),
         reopen_count integer NOT NULL DEFAULT 0,
         loss_reason varchar(120),
         source varchar(60),
         segment_ids text NOT NULL
       )`,
    },
    {
      table: `${prefix}rpt_opportunity_history`,
      create: `CREATE TABLE ${prefix}rpt_opportunity_history (
         event_id varchar(100) PRIMARY KEY,
         opportunity_id varchar(100) NOT NULL,
         division_id varchar(100) NOT NULL,
         kind varchar(40) NOT NULL,
         effective_at varchar(40) NOT NULL,
         recorded_at varchar(40) NOT NULL,
         stage_id varchar(60),
         probability double precision,
         amount double precision,
         currency varchar(3),
         expected_close_date varchar(10)
       )`,
    },
    {
      table: `${prefix}rpt_stage_transition`,
      create: `CREATE TABLE ${prefix}rpt_stage_transition (
         event_id varchar(100) PRIMARY KEY,
         opportunity_id varchar(100) NOT NULL,
         division_id varchar(100) NOT NULL,
         pipeline_id varchar(100) NOT NULL,
         from_stage varchar(60) NOT NULL,
         to_stage varchar(60) NOT NULL,
         direction varchar(10) NOT NULL,
         from_entered_at varchar(40) NOT NULL,
         changed_at varchar(40) NOT NULL,
         dwell_days double precision NOT NULL DEFAULT 0
       )`,
    },
    {
      table: `${prefix}rpt_lead`,
      create: `CREATE TABLE ${prefix}rpt_lead (
         lead_id varchar(100) PRIMARY KEY,
         division_id varchar(100) NOT NULL,
         source varchar(60) NOT NULL,
         campaign varchar(120),
         company_name varchar(200) NOT NULL,
         territory varchar(80),
         segment_ids text NOT NULL,
         owner_rep_id varchar(100),
         team_id varchar(100),
         captured_at varchar(40) NOT NULL,
         qualified_at varchar(40),
         disqualified_at varchar(40),
         converted_at varchar(40),
         opportunity_id varchar(100)
       )`,
    },
    ...channelTableStatements(prefix),
    ...registrationTableStatements(prefix),
  ];
}

/** The channels' read models: dealers, their tier changes and their plans (since contracts 1.6.0). */
export function channelTableStatements(prefix = ''): Array<{ table: string; create: string }> {
  return [
    {
      table: `${prefix}rpt_dealer`,
      create: `CREATE TABLE ${prefix}rpt_dealer (
         dealer_id varchar(100) PRIMARY KEY,
         division_id varchar(100) NOT NULL,
         channel_id varchar(100),
         company_name varchar(200),
         status varchar(20) NOT NULL,
         status_since varchar(40) NOT NULL
       )`,
    },
    {
      table: `${prefix}rpt_dealer_tier`,
      create: `CREATE TABLE ${prefix}rpt_dealer_tier (
         change_id varchar(100) PRIMARY KEY,
         dealer_id varchar(100) NOT NULL,
         division_id varchar(100) NOT NULL,
         programme_id varchar(100) NOT NULL,
         tier_id varchar(100) NOT NULL,
         effective_from varchar(10) NOT NULL,
         corrects varchar(100),
         changed_at varchar(40) NOT NULL
       )`,
    },
    {
      table: `${prefix}rpt_dealer_plan`,
      create: `CREATE TABLE ${prefix}rpt_dealer_plan (
         dealer_id varchar(100) NOT NULL,
         period varchar(10) NOT NULL,
         division_id varchar(100) NOT NULL,
         revision integer NOT NULL,
         amount double precision NOT NULL,
         currency varchar(3) NOT NULL,
         units integer NOT NULL,
         period_start varchar(10) NOT NULL,
         period_end varchar(10) NOT NULL,
         set_at varchar(40) NOT NULL,
         PRIMARY KEY (dealer_id, period)
       )`,
    },
  ];
}

/** The dealers' deal registrations, where each stands now (since contracts 1.8.0). */
export function registrationTableStatements(prefix = ''): Array<{ table: string; create: string }> {
  return [
    {
      table: `${prefix}rpt_deal_registration`,
      create: `CREATE TABLE ${prefix}rpt_deal_registration (
         registration_id varchar(100) PRIMARY KEY,
         division_id varchar(100) NOT NULL,
         dealer_id varchar(100) NOT NULL,
         submitted_at varchar(40) NOT NULL,
         answer varchar(20),
         answered_at varchar(40),
         outcome varchar(20),
         closed_at varchar(40),
         opportunity_id varchar(100)
       )`,
    },
  ];
}

type IndexStatement = { name: string; create: string };

/** A secondary index, named after its table so a rebuild's own indexes never clash with the live ones. */
function indexOn(prefix: string, table: string, suffix: string, columns: string): IndexStatement {
  const name = `${prefix}${table}_${suffix}`;
  return { name, create: `CREATE INDEX IF NOT EXISTS ${name} ON ${prefix}${table} (${columns})` };
}

/** Every read model's indexes. */
export function readModelIndexes(prefix = ''): IndexStatement[] {
  return [...dealIndexes(prefix), ...channelIndexes(prefix), ...registrationIndexes(prefix)];
}

/** The indexes of the lead and deal tables, which migrations before the channel tables made. */
export function dealIndexes(prefix = ''): IndexStatement[] {
  return [
    indexOn(prefix, 'rpt_opportunity', 'division', 'division_id, status'),
    indexOn(prefix, 'rpt_opportunity', 'lead', 'lead_id'),
    // Covers the as-of report: a deal's entries up to an instant are read from the index alone.
    indexOn(
      prefix,
      'rpt_opportunity_history',
      'opportunity',
      'opportunity_id, effective_at, recorded_at, kind, stage_id, probability, amount, currency',
    ),
    indexOn(prefix, 'rpt_stage_transition', 'division', 'division_id, changed_at'),
    indexOn(prefix, 'rpt_lead', 'division', 'division_id, captured_at'),
  ];
}

export function channelIndexes(prefix = ''): IndexStatement[] {
  return [
    indexOn(prefix, 'rpt_opportunity', 'dealer', 'dealer_id, status'),
    indexOn(prefix, 'rpt_dealer', 'division', 'division_id, channel_id'),
    indexOn(prefix, 'rpt_dealer_tier', 'dealer', 'dealer_id, effective_from'),
    indexOn(prefix, 'rpt_dealer_tier', 'corrects', 'corrects'),
  ];
}

export function registrationIndexes(prefix = ''): IndexStatement[] {
  return [
    indexOn(prefix, 'rpt_deal_registration', 'division', 'division_id, submitted_at'),
    indexOn(prefix, 'rpt_deal_registration', 'dealer', 'dealer_id, submitted_at'),
  ];
}

export class CreateReportingTables1764300000000 implements MigrationInterface {
  name = 'CreateReportingTables1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const { create } of readModelTableStatements()) await queryRunner.query(create);
    for (const index of readModelIndexes()) await queryRunner.query(index.create);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const { table } of readModelTableStatements().reverse()) await queryRunner.query(`DROP TABLE ${table}`);
  }
}
