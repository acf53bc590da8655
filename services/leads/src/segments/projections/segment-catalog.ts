import { Injectable } from '@nestjs/common';
import type { RecordedEvent } from '@salesos/event-store';
import { ServiceViews, type StreamView } from '../../core/views-feeder';
import { type ActiveSegment, ActiveSegments } from '../application/active-segments.port';
import { type LeadProfile, type SegmentDefinition, segmentsMatching } from '../../core/domain/target-audience';
import type { SegmentEvent } from '../domain/segment.events';

/** Active segments per division, fed from the segment streams, to match leads when they are captured or change. */
@Injectable()
export class SegmentCatalog extends ActiveSegments implements StreamView {
  readonly categories = ['segment'];
  private readonly segments = new Map<string, ActiveSegment>();

  constructor(views: ServiceViews) {
    super();
    views.register(this);
  }

  apply(event: RecordedEvent): void {
    if (!event.metadata.streamId.startsWith('segment-')) return;
    const segmentEvent = event as unknown as SegmentEvent;
    switch (segmentEvent.type) {
      case 'SegmentDefined':
        this.segments.set(segmentEvent.data.segmentId, { ...segmentEvent.data });
        return;
      case 'SegmentRevised': {
        const segment = this.segments.get(segmentEvent.data.segmentId);
        if (segment) {
          this.segments.set(segment.segmentId, {
            ...segment,
            name: segmentEvent.data.name,
            criteria: segmentEvent.data.criteria,
          });
        }
        return;
      }
      case 'SegmentRetired':
        this.segments.delete(segmentEvent.data.segmentId);
        return;
    }
  }

  list(divisionId: string): Promise<ActiveSegment[]> {
    return Promise.resolve(
      [...this.segments.values()]
        .filter((segment) => segment.divisionId === divisionId)
        .sort((a, b) => a.name.localeCompare(b.name)),
    );
  }

  async matching(divisionId: string, lead: LeadProfile): Promise<string[]> {
    return segmentsMatching(lead, await this.definitions(divisionId));
  }

  definitions(divisionId: string): Promise<SegmentDefinition[]> {
    return Promise.resolve(
      [...this.segments.values()]
        .filter((segment) => segment.divisionId === divisionId)
        .map(({ segmentId, criteria }) => ({ segmentId, criteria })),
    );
  }
}
