import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A dealer's deal registration as reporting knows it: where it stands now, set from whichever of its events arrived,
 * so applying one twice or late leaves the same row. Won, lost and lapsed registrations were accepted first.
 */
export abstract class DealRegistrationColumns {
  @PrimaryColumn({ name: 'registration_id', type: 'varchar' })
  registrationId!: string;

  @Column({ name: 'division_id', type: 'varchar' })
  divisionId!: string;

  @Column({ name: 'dealer_id', type: 'varchar' })
  dealerId!: string;

  /**
   * When it was submitted. The topic keeps 90 days: when it no longer holds the submission, the earliest instant
   * reporting has of the registration (nothing of it can precede the submission).
   */
  @Column({ name: 'submitted_at', type: 'varchar' })
  submittedAt!: string;

  /** The leads service's answer as the registration recorded it; empty while it waits for one. */
  @Column({ type: 'varchar', nullable: true })
  answer!: 'accepted' | 'conflicted' | null;

  /** When the leads service decided; empty while unanswered, or when reporting has only a later event. */
  @Column({ name: 'answered_at', type: 'varchar', nullable: true })
  answeredAt!: string | null;

  /** How an accepted registration ended; empty while the dealer holds the deal. */
  @Column({ type: 'varchar', nullable: true })
  outcome!: 'won' | 'lost' | 'lapsed' | null;

  /** When it was won, lost, or recorded as lapsed. */
  @Column({ name: 'closed_at', type: 'varchar', nullable: true })
  closedAt!: string | null;

  /** The registered deal, once the acceptance or the outcome named it. */
  @Column({ name: 'opportunity_id', type: 'varchar', nullable: true })
  opportunityId!: string | null;
}

@Entity('rpt_deal_registration')
export class DealRegistrationRow extends DealRegistrationColumns {}

@Entity('rb_rpt_deal_registration')
export class DealRegistrationRebuildRow extends DealRegistrationColumns {}
