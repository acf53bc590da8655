import { Type } from '@sinclair/typebox';
import { defineEvents, type EventOf } from '@salesos/event-sourcing';
import { Id, Instant, text } from '@salesos/kernel';
import { SegmentCriteria } from '../../core/domain/target-audience';

export const SegmentName = text(1, 120);
export const RetirementReason = text(1, 200);

/** A segment's events, defined once and checked on the way into the store and out of it. */
export const segmentEvents = defineEvents({
  SegmentDefined: Type.Object({
    segmentId: Id,
    divisionId: Id,
    name: SegmentName,
    criteria: SegmentCriteria,
    definedAt: Instant,
  }),
  SegmentRevised: Type.Object({ segmentId: Id, name: SegmentName, criteria: SegmentCriteria, revisedAt: Instant }),
  SegmentRetired: Type.Object({ segmentId: Id, reason: RetirementReason, retiredAt: Instant }),
});

export type SegmentEvent = EventOf<typeof segmentEvents>;
