import type { Command } from '@salesos/event-sourcing';
import type { ProgrammeDefinition } from './programme.events';

/** The courses named are the division's active ones: the handler checks them against their streams. */
export type DefineProgramme = Command<
  'DefineProgramme',
  { programmeId: string; divisionId: string } & ProgrammeDefinition
>;
export type ReviseProgramme = Command<'ReviseProgramme', ProgrammeDefinition>;
export type RetireProgramme = Command<'RetireProgramme', { reason: string }>;

export type ProgrammeCommand = DefineProgramme | ReviseProgramme | RetireProgramme;
