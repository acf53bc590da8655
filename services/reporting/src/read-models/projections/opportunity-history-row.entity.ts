import { Column, Entity, PrimaryColumn } from 'typeorm';

export type HistoryKind = 'opened' | 'stage-changed' | 'forecast-revised' | 'won' | 'lost' | 'reopened';

/**
 * Every change to an opportunity's place in the pipeline, with business time (`effectiveAt`: when it became true)
 * and recording time (`recordedAt`: when the system learned it), so the pipeline can be told as of any instant,
 * as known now or as believed then.
 */
export abstract class OpportunityHistoryColumns {
  @PrimaryColumn({ name: 'event_id', type: 'varchar' })
  eventId!: string;

  @Column({ name: 'opportunity_id', type: 'varchar' })
  opportunityId!: string;

  @Column({ name: 'division_id', type: 'varchar' })
  divisionId!: string;

  @Column({ type: 'varchar' })
  kind!: HistoryKind;

  @Column({ name: 'effective_at', type: 'varchar' })
  effectiveAt!: string;

  @Column({ name: 'recorded_at', type: 'varchar' })
  recordedAt!: string;

  @Column({ name: 'stage_id', type: 'varchar', nullable: true })
  stageId!: string | null;

  @Column({ type: 'double precision', nullable: true })
  probability!: number | null;

  @Column({ type: 'double precision', nullable: true })
  amount!: number | null;

  @Column({ type: 'varchar', nullable: true })
  currency!: string | null;

  @Column({ name: 'expected_close_date', type: 'varchar', nullable: true })
  expectedCloseDate!: string | null;
}

@Entity('rpt_opportunity_history')
export class OpportunityHistoryRow extends OpportunityHistoryColumns {}

/** The same table built beside the live one during a rebuild, then swapped in. */
@Entity('rb_rpt_opportunity_history')
export class OpportunityHistoryRebuildRow extends OpportunityHistoryColumns {}
