import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A move between stages, and the closing and reopening moves (to and from the pseudo-stages `won` and `lost`), with
 * when the stage left was entered: dwell times and the transition matrix come from these rows.
 */
export abstract class StageTransitionColumns {
  @PrimaryColumn({ name: 'event_id', type: 'varchar' })
  eventId!: string;

  @Column({ name: 'opportunity_id', type: 'varchar' })
  opportunityId!: string;

  @Column({ name: 'division_id', type: 'varchar' })
  divisionId!: string;

  @Column({ name: 'pipeline_id', type: 'varchar' })
  pipelineId!: string;

  @Column({ name: 'from_stage', type: 'varchar' })
  fromStage!: string;

  @Column({ name: 'to_stage', type: 'varchar' })
  toStage!: string;

  @Column({ type: 'varchar' })
  direction!: 'forward' | 'backward' | 'close' | 'reopen';

  @Column({ name: 'from_entered_at', type: 'varchar' })
  fromEnteredAt!: string;

  @Column({ name: 'changed_at', type: 'varchar' })
  changedAt!: string;

  /** Days from entering the stage left to leaving it, as a fraction. */
  @Column({ name: 'dwell_days', type: 'double precision' })
  dwellDays!: number;
}

@Entity('rpt_stage_transition')
export class StageTransitionRow extends StageTransitionColumns {}

/** The same table built beside the live one during a rebuild, then swapped in. */
@Entity('rb_rpt_stage_transition')
export class StageTransitionRebuildRow extends StageTransitionColumns {}
