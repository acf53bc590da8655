import type { RecordedEvent } from '@salesos/event-store';
import {
  type LeadProfile,
  type SegmentCriteria,
  type SegmentDefinition,
  segmentsMatching,
} from '../domain/segment-criteria';
import type { SegmentEvent } from '../domain/segment.decider';

export interface ActiveSegment {
  segmentId: string;
  divisionId: string;
  name: string;
  criteria: SegmentCriteria;
}

/** Active segments per division, fed from the segment streams, to match leads when they are captured or change. */
export class SegmentCatalog {
  private readonly segments = new Map<string, ActiveSegment>();

  apply(event: RecordedEvent): void {
    if (!event.metadata.streamId.startsWith('segment-')) return;
    const segmentEvent = event as unknown as SegmentEvent;
    switch (segmentEvent.type) {
      case 'SegmentDefined':
        this.segments.set(segmentEvent.data.segmentId, { ...segmentEvent.data });
        return;
      case 'SegmentRevised': {
        const segment = this.segments.get(segmentEvent.data.segmentId);
        if (segment)
          this.segments.set(segment.segmentId, {
            ...segment,
            name: segmentEvent.data.name,
            criteria: segmentEvent.data.criteria,
          });
        return;
      }
      case 'SegmentRetired':
        this.segments.delete(segmentEvent.data.segmentId);
        return;
    }
  }

  /** The division's active segments, by name. */
  list(divisionId: string): ActiveSegment[] {
    return [...this.segments.values()]
      .filter((segment) => segment.divisionId === divisionId)
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  /** Ids of the division's active segments whose criteria the lead meets, in a stable order. */
  matching(divisionId: string, lead: LeadProfile): string[] {
    return segmentsMatching(lead, this.definitions(divisionId));
  }

  definitions(divisionId: string): SegmentDefinition[] {
    return [...this.segments.values()]
      .filter((segment) => segment.divisionId === divisionId)
      .map(({ segmentId, criteria }) => ({ segmentId, criteria }));
  }
}
