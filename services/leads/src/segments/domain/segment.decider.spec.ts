import { DeciderSpecification } from '@salesos/event-sourcing/testing';
import type { SegmentCommand } from './segment.commands';
import { segmentDecider } from './segment.decider';
import { SegmentError, SegmentErrorCode } from './segment.errors';
import type { SegmentEvent } from './segment.events';

const now = '2026-02-01T08:00:00.000Z';
const command = <C extends SegmentCommand>(type: C['type'], data: C['data']): C =>
  ({ type, data, metadata: { commandId: 'c1', now } }) as C;
const criteria = { industries: ['manufacturing'], sizeBands: ['large' as const] };
const defined: SegmentEvent = {
  type: 'SegmentDefined',
  data: { segmentId: 'seg-1', divisionId: 'north', name: 'Large manufacturers', criteria, definedAt: now },
};
const retired: SegmentEvent = {
  type: 'SegmentRetired',
  data: { segmentId: 'seg-1', reason: 'market left', retiredAt: now },
};
const spec = DeciderSpecification.for(segmentDecider);

describe('segment decider', () => {
  it('defines a segment by its criteria', () => {
    spec
      .given([])
      .when(
        command('DefineSegment', { segmentId: 'seg-1', divisionId: 'north', name: 'Large manufacturers', criteria }),
      )
      .then([defined]);
  });

  it('refuses a segment without criteria, and a second definition', () => {
    spec
      .given([])
      .when(command('DefineSegment', { segmentId: 'seg-1', divisionId: 'north', name: 'All', criteria: {} }))
      .thenThrows(SegmentError, { code: SegmentErrorCode.NoCriteria });
    spec
      .given([defined])
      .when(command('DefineSegment', { segmentId: 'seg-1', divisionId: 'north', name: 'Again', criteria }))
      .thenThrows(SegmentError, { code: SegmentErrorCode.AlreadyExists });
  });

  it('revises name and criteria, and does nothing for the same definition', () => {
    const revised = {
      name: 'Large and enterprise manufacturers',
      criteria: { ...criteria, sizeBands: ['large' as const, 'enterprise' as const] },
    };
    spec
      .given([defined])
      .when(command('ReviseSegment', revised))
      .then([{ type: 'SegmentRevised', data: { segmentId: 'seg-1', ...revised, revisedAt: now } }]);
    spec
      .given([defined])
      .when(command('ReviseSegment', { name: 'Large manufacturers', criteria }))
      .thenNothingHappens();
  });

  it('refuses to revise into no criteria, a retired or a missing segment', () => {
    spec
      .given([defined])
      .when(command('ReviseSegment', { name: 'x', criteria: { territories: [] } }))
      .thenThrows(SegmentError, { code: SegmentErrorCode.NoCriteria });
    spec
      .given([defined, retired])
      .when(command('ReviseSegment', { name: 'x', criteria }))
      .thenThrows(SegmentError, { code: SegmentErrorCode.Retired });
    spec
      .given([])
      .when(command('ReviseSegment', { name: 'x', criteria }))
      .thenThrows(SegmentError, { code: SegmentErrorCode.NotFound });
  });

  it('retires once; retiring again changes nothing; a missing segment cannot be retired', () => {
    spec
      .given([defined])
      .when(command('RetireSegment', { reason: 'market left' }))
      .then([retired]);
    spec
      .given([defined, retired])
      .when(command('RetireSegment', { reason: 'again' }))
      .thenNothingHappens();
    spec
      .given([])
      .when(command('RetireSegment', { reason: 'x' }))
      .thenThrows(SegmentError, { code: SegmentErrorCode.NotFound });
  });
});
