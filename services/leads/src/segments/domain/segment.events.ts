import type { DomainEvent } from '@salesos/event-sourcing';
import type { SegmentCriteria } from '../../core/domain/target-audience';

export type SegmentEvent =
  | DomainEvent<
      'SegmentDefined',
      { segmentId: string; divisionId: string; name: string; criteria: SegmentCriteria; definedAt: string }
    >
  | DomainEvent<'SegmentRevised', { segmentId: string; name: string; criteria: SegmentCriteria; revisedAt: string }>
  | DomainEvent<'SegmentRetired', { segmentId: string; reason: string; retiredAt: string }>;
