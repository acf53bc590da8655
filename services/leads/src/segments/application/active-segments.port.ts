import type { LeadProfile, SegmentCriteria, SegmentDefinition } from '../../core/domain/target-audience';

export interface ActiveSegment {
  segmentId: string;
  divisionId: string;
  name: string;
  criteria: SegmentCriteria;
}

/** The division's active segments, as the service's view of them answers. */
export abstract class ActiveSegments {
  /** The division's active segments, by name. */
  abstract list(divisionId: string): Promise<ActiveSegment[]>;
  /** What matching needs of them. */
  abstract definitions(divisionId: string): Promise<SegmentDefinition[]>;
  /** Ids of the division's active segments whose criteria the lead meets, in a stable order. */
  abstract matching(divisionId: string, lead: LeadProfile): Promise<string[]>;
}
