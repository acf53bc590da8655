import { type Static, Type } from '@sinclair/typebox';
import { defineEvents, type EventOf } from '@salesos/event-sourcing';
import { Id, Instant } from '@salesos/kernel';
import { StaffingReason } from '@salesos/contracts';
import { Title } from './course.events';

/** What a programme is, given whole when defined and when revised: its courses in the order they are taken. */
export const ProgrammeDefinition = Type.Object({
  title: Title,
  courseIds: Type.Array(Id, { minItems: 1, maxItems: 50 }),
});
export type ProgrammeDefinition = Static<typeof ProgrammeDefinition>;

/** Every programme event names the programme and its division, so projections and isolation need nothing else. */
const programme = { programmeId: Id, divisionId: Id };

/** A programme of a division's training catalogue: a path of courses a person is enrolled in at once. */
export const programmeEvents = defineEvents({
  ProgrammeDefined: Type.Object({ ...programme, ...ProgrammeDefinition.properties, definedAt: Instant }),
  ProgrammeRevised: Type.Object({ ...programme, ...ProgrammeDefinition.properties, revisedAt: Instant }),
  ProgrammeRetired: Type.Object({ ...programme, reason: StaffingReason, retiredAt: Instant }),
});

export type ProgrammeEvent = EventOf<typeof programmeEvents>;
type ProgrammeEventOf<Type extends ProgrammeEvent['type']> = Extract<ProgrammeEvent, { type: Type }>;
export type ProgrammeDefined = ProgrammeEventOf<'ProgrammeDefined'>;
export type ProgrammeRevised = ProgrammeEventOf<'ProgrammeRevised'>;
export type ProgrammeRetired = ProgrammeEventOf<'ProgrammeRetired'>;
