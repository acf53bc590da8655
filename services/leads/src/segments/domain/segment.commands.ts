import type { Command } from '@salesos/event-sourcing';
import type { SegmentCriteria } from '../../core/domain/target-audience';

export type SegmentCommand =
  | Command<'DefineSegment', { segmentId: string; divisionId: string; name: string; criteria: SegmentCriteria }>
  | Command<'ReviseSegment', { name: string; criteria: SegmentCriteria }>
  | Command<'RetireSegment', { reason: string }>;
