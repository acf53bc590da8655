import type { Decider } from '@salesos/event-sourcing';
import type { SegmentCommand } from './segment.commands';
import { SegmentError, SegmentErrorCode } from './segment.errors';
import { type SegmentEvent, segmentEvents } from './segment.events';
import { hasAnyCriterion, type SegmentCriteria } from '../../core/domain/target-audience';

export type SegmentState =
  | { status: 'none' }
  | { status: 'active' | 'retired'; segmentId: string; divisionId: string; name: string; criteria: SegmentCriteria };

function requireCriteria(criteria: SegmentCriteria): void {
  if (!hasAnyCriterion(criteria)) {
    throw new SegmentError(
      SegmentErrorCode.NoCriteria,
      'A segment needs at least one criterion, or it would match every lead',
    );
  }
}

const sameDefinition = (
  a: { name: string; criteria: SegmentCriteria },
  b: { name: string; criteria: SegmentCriteria },
): boolean => a.name === b.name && JSON.stringify(a.criteria) === JSON.stringify(b.criteria);

/** A target audience: defined by criteria, revised as the market is understood better, retired when no longer pursued. */
export const segmentDecider: Decider<SegmentState, SegmentCommand, SegmentEvent> = {
  events: segmentEvents,
  initialState: () => ({ status: 'none' }),

  decide(command, state): SegmentEvent[] {
    const now = command.metadata.now;
    if (command.type === 'DefineSegment') {
      if (state.status !== 'none')
        throw new SegmentError(SegmentErrorCode.AlreadyExists, `Segment ${command.data.segmentId} already exists`);
      requireCriteria(command.data.criteria);
      return [{ type: 'SegmentDefined', data: { ...command.data, definedAt: now } }];
    }
    if (state.status === 'none') throw new SegmentError(SegmentErrorCode.NotFound, 'No segment with this id');
    switch (command.type) {
      case 'ReviseSegment':
        if (state.status === 'retired')
          throw new SegmentError(SegmentErrorCode.Retired, 'A retired segment cannot be revised');
        requireCriteria(command.data.criteria);
        if (sameDefinition(state, command.data)) return [];
        return [{ type: 'SegmentRevised', data: { segmentId: state.segmentId, ...command.data, revisedAt: now } }];
      case 'RetireSegment':
        if (state.status === 'retired') return [];
        return [
          { type: 'SegmentRetired', data: { segmentId: state.segmentId, reason: command.data.reason, retiredAt: now } },
        ];
    }
  },

  evolve(state, event): SegmentState {
    switch (event.type) {
      case 'SegmentDefined':
        return { status: 'active', ...event.data };
      case 'SegmentRevised':
        return state.status === 'none' ? state : { ...state, name: event.data.name, criteria: event.data.criteria };
      case 'SegmentRetired':
        return state.status === 'none' ? state : { ...state, status: 'retired' };
    }
  },
};
