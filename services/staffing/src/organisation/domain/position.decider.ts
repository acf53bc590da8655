import type { Decider } from '@salesos/event-sourcing';
import type { PositionCommand } from './position.commands';
import { requireListedOnce, sameList } from './lists';
import { invalidInput, OrganisationError, OrganisationErrorCode } from './organisation.errors';
import { type PositionEvent, positionEvents, type PositionProfile } from './position.events';

export interface Position extends PositionProfile {
  positionId: string;
  divisionId: string;
  status: 'active' | 'retired';
  definedAt: string;
  retiredAt?: string;
  retirementReason?: string;
}

export type PositionState = { status: 'none' } | Position;

function checkProfile(profile: PositionProfile): void {
  // Two duties worded alike are one duty.
  const duties = profile.duties.map((duty) => duty.trim().toLowerCase());
  const repeated = duties.findIndex((duty, index) => duties.indexOf(duty) !== index);
  if (repeated !== -1) throw invalidInput(`duties[${repeated}]`, 'repeats a duty listed before it');
  requireListedOnce('requiredCertifications', profile.requiredCertifications);
}

const sameProfile = (a: PositionProfile, b: PositionProfile): boolean =>
  a.title === b.title && sameList(a.duties, b.duties) && sameList(a.requiredCertifications, b.requiredCertifications);

/** The position, if it exists in the caller's division; another division's position is reported as not found. */
function existing(state: PositionState, command: PositionCommand): Position {
  const division = command.metadata.divisionId;
  if (state.status === 'none' || (division !== undefined && division !== state.divisionId)) {
    throw new OrganisationError(OrganisationErrorCode.PositionNotFound, 'No position with this id in your division');
  }
  return state;
}

/** A position of a division: its title, its duties, and the certifications whoever holds it needs. */
export const positionDecider: Decider<PositionState, PositionCommand, PositionEvent> = {
  events: positionEvents,
  initialState: () => ({ status: 'none' }),

  decide(command, state) {
    if (command.type === 'DefinePosition') {
      if (state.status !== 'none') {
        throw new OrganisationError(OrganisationErrorCode.AlreadyExists, `Position ${state.positionId} exists already`);
      }
      checkProfile(command.data);
      const { positionId, divisionId, title, duties, requiredCertifications } = command.data;
      return [
        {
          type: 'PositionDefined',
          data: { positionId, divisionId, title, duties, requiredCertifications, definedAt: command.metadata.now },
        },
      ];
    }
    const position = existing(state, command);
    const ids = { positionId: position.positionId, divisionId: position.divisionId };
    switch (command.type) {
      case 'RevisePosition': {
        if (position.status === 'retired') {
          throw new OrganisationError(
            OrganisationErrorCode.PositionRetired,
            `Position ${position.positionId} is retired: define a new one`,
          );
        }
        checkProfile(command.data);
        if (sameProfile(position, command.data)) return [];
        const { title, duties, requiredCertifications } = command.data;
        return [
          {
            type: 'PositionRevised',
            data: { ...ids, title, duties, requiredCertifications, revisedAt: command.metadata.now },
          },
        ];
      }
      case 'RetirePosition':
        if (position.status === 'retired') return [];
        return [
          { type: 'PositionRetired', data: { ...ids, reason: command.data.reason, retiredAt: command.metadata.now } },
        ];
    }
  },

  evolve(state, event): PositionState {
    if (event.type === 'PositionDefined') {
      const { positionId, divisionId, title, duties, requiredCertifications, definedAt } = event.data;
      return { positionId, divisionId, title, duties, requiredCertifications, status: 'active', definedAt };
    }
    if (state.status === 'none') return state;
    switch (event.type) {
      case 'PositionRevised': {
        const { title, duties, requiredCertifications } = event.data;
        return { ...state, title, duties, requiredCertifications };
      }
      case 'PositionRetired':
        return { ...state, status: 'retired', retiredAt: event.data.retiredAt, retirementReason: event.data.reason };
    }
  },
};
