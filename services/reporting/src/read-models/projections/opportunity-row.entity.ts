import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One opportunity as reporting knows it now: stage, forecast, channel, outcome, and the lead's source. */
export abstract class OpportunityColumns {
  @PrimaryColumn({ name: 'opportunity_id', type: 'varchar' })
  opportunityId!: string;

  @Column({ name: 'division_id', type: 'varchar' })
  divisionId!: string;

  @Column({ name: 'lead_id', type: 'varchar', nullable: true })
  leadId!: string | null;

  @Column({ name: 'account_name', type: 'varchar' })
  accountName!: string;

  /** The team its lead was routed to (see the lead's row). */
  @Column({ name: 'team_id', type: 'varchar', nullable: true })
  teamId!: string | null;

  @Column({ name: 'owner_rep_id', type: 'varchar', nullable: true })
  ownerRepId!: string | null;

  @Column({ name: 'pipeline_id', type: 'varchar' })
  pipelineId!: string;

  @Column({ name: 'stage_id', type: 'varchar' })
  stageId!: string;

  @Column({ name: 'stage_entered_at', type: 'varchar' })
  stageEnteredAt!: string;

  @Column({ type: 'double precision' })
  probability!: number;

  @Column({ type: 'double precision' })
  amount!: number;

  @Column({ type: 'varchar' })
  currency!: string;

  @Column({ name: 'expected_close_date', type: 'varchar' })
  expectedCloseDate!: string;

  @Column({ type: 'varchar' })
  channel!: string;

  @Column({ name: 'dealer_id', type: 'varchar', nullable: true })
  dealerId!: string | null;

  /** JSON: [{ productId, quantity }]. */
  @Column({ type: 'text' })
  products!: string;

  @Column({ type: 'varchar' })
  status!: 'open' | 'won' | 'lost';

  @Column({ name: 'opened_at', type: 'varchar' })
  openedAt!: string;

  /**
   * When the current forecast (amount, close date) took effect in business time, as the history dates it: the
   * opening, the latest revision or the win. A later revision is dated no earlier. Empty in rows built before it.
   */
  @Column({ name: 'forecast_since', type: 'varchar', nullable: true })
  forecastSince!: string | null;

  @Column({ name: 'closed_at', type: 'varchar', nullable: true })
  closedAt!: string | null;

  /**
   * When the latest close had both happened and been recorded: before then, the deal was open, or still believed
   * open. One column for both, so the as-of report narrows its candidates with one condition.
   */
  @Column({ name: 'closed_settled_at', type: 'varchar', nullable: true })
  closedSettledAt!: string | null;

  /** Times it was reopened: a deal never reopened was open exactly from opening to closing. */
  @Column({ name: 'reopen_count', type: 'integer' })
  reopenCount!: number;

  @Column({ name: 'loss_reason', type: 'varchar', nullable: true })
  lossReason!: string | null;

  @Column({ type: 'varchar', nullable: true })
  source!: string | null;

  /** JSON: the segments the lead met when it was captured. */
  @Column({ name: 'segment_ids', type: 'text' })
  segmentIds!: string;
}

@Entity('rpt_opportunity')
export class OpportunityRow extends OpportunityColumns {}

/** The same table built beside the live one during a rebuild, then swapped in. */
@Entity('rb_rpt_opportunity')
export class OpportunityRebuildRow extends OpportunityColumns {}
