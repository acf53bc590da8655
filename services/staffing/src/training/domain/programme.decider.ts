import type { Decider } from '@salesos/event-sourcing';
import type { ProgrammeCommand } from './programme.commands';
import { type ProgrammeDefinition, type ProgrammeEvent, programmeEvents } from './programme.events';
import { TrainingError, TrainingErrorCode, refuseBlank, refuseRepeats } from './training.errors';

export type ProgrammeStatus = 'active' | 'retired';

export type Programme = ProgrammeDefinition & {
  status: ProgrammeStatus;
  programmeId: string;
  divisionId: string;
  retirementReason?: string;
};

export type ProgrammeState = { status: 'none' } | Programme;

function existing(state: ProgrammeState, divisionId: string | undefined): Programme {
  if (state.status === 'none' || (divisionId !== undefined && divisionId !== state.divisionId)) {
    throw new TrainingError(TrainingErrorCode.ProgrammeNotFound, 'No programme with this id in your division');
  }
  return state;
}

function checkedDefinition({ title, courseIds }: ProgrammeDefinition): ProgrammeDefinition {
  refuseBlank('title', title);
  refuseRepeats('courseIds', courseIds);
  return { title, courseIds: [...courseIds] };
}

const sameDefinition = (a: ProgrammeDefinition, b: ProgrammeDefinition): boolean =>
  a.title === b.title && JSON.stringify(a.courseIds) === JSON.stringify(b.courseIds);

/** A programme of a division's catalogue: its title and its courses, in the order they are meant to be taken. */
export const programmeDecider: Decider<ProgrammeState, ProgrammeCommand, ProgrammeEvent> = {
  events: programmeEvents,
  initialState: () => ({ status: 'none' }),

  decide(command, state): ProgrammeEvent[] {
    const now = command.metadata.now;
    if (command.type === 'DefineProgramme') {
      const { programmeId, divisionId, ...definition } = command.data;
      if (state.status !== 'none') {
        throw new TrainingError(
          TrainingErrorCode.AlreadyExists,
          `Programme id ${programmeId} is taken; choose another`,
        );
      }
      return [
        {
          type: 'ProgrammeDefined',
          data: { programmeId, divisionId, ...checkedDefinition(definition), definedAt: now },
        },
      ];
    }
    const programme = existing(state, command.metadata.divisionId);
    const ids = { programmeId: programme.programmeId, divisionId: programme.divisionId };
    switch (command.type) {
      case 'ReviseProgramme': {
        if (programme.status === 'retired') {
          throw new TrainingError(
            TrainingErrorCode.Retired,
            `Programme ${programme.programmeId} is retired; define a new one`,
          );
        }
        const definition = checkedDefinition(command.data);
        if (sameDefinition(programme, definition)) return [];
        return [{ type: 'ProgrammeRevised', data: { ...ids, ...definition, revisedAt: now } }];
      }
      case 'RetireProgramme':
        if (programme.status === 'retired') return [];
        return [{ type: 'ProgrammeRetired', data: { ...ids, reason: command.data.reason, retiredAt: now } }];
    }
  },

  evolve(state, event): ProgrammeState {
    if (event.type === 'ProgrammeDefined') {
      const { definedAt: _definedAt, ...programme } = event.data;
      return { status: 'active', ...programme };
    }
    if (state.status === 'none') return state;
    switch (event.type) {
      case 'ProgrammeRevised':
        return { ...state, title: event.data.title, courseIds: event.data.courseIds };
      case 'ProgrammeRetired':
        return { ...state, status: 'retired', retirementReason: event.data.reason };
    }
  },
};
