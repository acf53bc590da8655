import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One lead's way through the funnel: captured, qualified or disqualified, converted to an opportunity. */
export abstract class LeadColumns {
  @PrimaryColumn({ name: 'lead_id', type: 'varchar' })
  leadId!: string;

  @Column({ name: 'division_id', type: 'varchar' })
  divisionId!: string;

  @Column({ type: 'varchar' })
  source!: string;

  @Column({ type: 'varchar', nullable: true })
  campaign!: string | null;

  @Column({ name: 'company_name', type: 'varchar' })
  companyName!: string;

  @Column({ type: 'varchar', nullable: true })
  territory!: string | null;

  /** JSON: the segments the lead met when it was captured. */
  @Column({ name: 'segment_ids', type: 'text' })
  segmentIds!: string;

  /** The team the assignment rules routed the lead to, when a team rule chose its rep. */
  @Column({ name: 'team_id', type: 'varchar', nullable: true })
  teamId!: string | null;

  @Column({ name: 'owner_rep_id', type: 'varchar', nullable: true })
  ownerRepId!: string | null;

  @Column({ name: 'captured_at', type: 'varchar' })
  capturedAt!: string;

  @Column({ name: 'qualified_at', type: 'varchar', nullable: true })
  qualifiedAt!: string | null;

  @Column({ name: 'disqualified_at', type: 'varchar', nullable: true })
  disqualifiedAt!: string | null;

  @Column({ name: 'converted_at', type: 'varchar', nullable: true })
  convertedAt!: string | null;

  @Column({ name: 'opportunity_id', type: 'varchar', nullable: true })
  opportunityId!: string | null;
}

@Entity('rpt_lead')
export class LeadRow extends LeadColumns {}

/** The same table built beside the live one during a rebuild, then swapped in. */
@Entity('rb_rpt_lead')
export class LeadRebuildRow extends LeadColumns {}
