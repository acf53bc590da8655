import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A dealer as reporting knows it: its division, the channel it sells in, and its standing now. */
export abstract class DealerColumns {
  @PrimaryColumn({ name: 'dealer_id', type: 'varchar' })
  dealerId!: string;

  @Column({ name: 'division_id', type: 'varchar' })
  divisionId!: string;

  /** Named when the dealer applied; empty for dealers whose events did not carry it. */
  @Column({ name: 'channel_id', type: 'varchar', nullable: true })
  channelId!: string | null;

  @Column({ name: 'company_name', type: 'varchar', nullable: true })
  companyName!: string | null;

  @Column({ type: 'varchar' })
  status!: 'active' | 'suspended' | 'terminated';

  /** When the current standing began: activated, suspended, or the last day a terminated dealer may sell. */
  @Column({ name: 'status_since', type: 'varchar' })
  statusSince!: string;
}

@Entity('rpt_dealer')
export class DealerRow extends DealerColumns {}

@Entity('rb_rpt_dealer')
export class DealerRebuildRow extends DealerColumns {}

/**
 * Each tier change of a dealer as published, corrections included: a correction names the change it corrects, which
 * then no longer counts (the reports leave out every change some other change corrects).
 */
export abstract class DealerTierColumns {
  @PrimaryColumn({ name: 'change_id', type: 'varchar' })
  changeId!: string;

  @Column({ name: 'dealer_id', type: 'varchar' })
  dealerId!: string;

  @Column({ name: 'division_id', type: 'varchar' })
  divisionId!: string;

  @Column({ name: 'programme_id', type: 'varchar' })
  programmeId!: string;

  @Column({ name: 'tier_id', type: 'varchar' })
  tierId!: string;

  /** The day the tier applies from, YYYY-MM-DD. */
  @Column({ name: 'effective_from', type: 'varchar' })
  effectiveFrom!: string;

  @Column({ type: 'varchar', nullable: true })
  corrects!: string | null;

  @Column({ name: 'changed_at', type: 'varchar' })
  changedAt!: string;
}

@Entity('rpt_dealer_tier')
export class DealerTierRow extends DealerTierColumns {}

@Entity('rb_rpt_dealer_tier')
export class DealerTierRebuildRow extends DealerTierColumns {}

/** A dealer's plan for one period: its latest revision, and the days the period spans (start inclusive, end exclusive). */
export abstract class DealerPlanColumns {
  @PrimaryColumn({ name: 'dealer_id', type: 'varchar' })
  dealerId!: string;

  @PrimaryColumn({ type: 'varchar' })
  period!: string;

  @Column({ name: 'division_id', type: 'varchar' })
  divisionId!: string;

  @Column({ type: 'integer' })
  revision!: number;

  @Column({ type: 'double precision' })
  amount!: number;

  @Column({ type: 'varchar' })
  currency!: string;

  @Column({ type: 'integer' })
  units!: number;

  @Column({ name: 'period_start', type: 'varchar' })
  periodStart!: string;

  @Column({ name: 'period_end', type: 'varchar' })
  periodEnd!: string;

  @Column({ name: 'set_at', type: 'varchar' })
  setAt!: string;
}

@Entity('rpt_dealer_plan')
export class DealerPlanRow extends DealerPlanColumns {}

@Entity('rb_rpt_dealer_plan')
export class DealerPlanRebuildRow extends DealerPlanColumns {}
