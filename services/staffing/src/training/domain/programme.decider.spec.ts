import type { CommandMetadata } from '@salesos/event-sourcing';
import { DeciderSpecification } from '@salesos/event-sourcing/testing';
import type { DefineProgramme, ProgrammeCommand } from './programme.commands';
import { programmeDecider, type ProgrammeState } from './programme.decider';
import { type ProgrammeEvent, programmeEvents } from './programme.events';
import { TrainingError, TrainingErrorCode } from './training.errors';

const now = '2026-03-10T12:00:00.000Z';
const metadata: CommandMetadata = { commandId: 'c1', now, divisionId: 'north' };
const command = <C extends ProgrammeCommand>(type: C['type'], data: C['data'], meta: CommandMetadata = metadata): C =>
  ({ type, data, metadata: meta }) as C;
const ids = { programmeId: 'new-rep-path', divisionId: 'north' };
const spec = DeciderSpecification.for(programmeDecider);

const definition = { title: 'New rep path', courseIds: ['product-basics', 'negotiation-101', 'crm-hygiene'] };
const define = (changes: Partial<DefineProgramme['data']> = {}) =>
  command<DefineProgramme>('DefineProgramme', { ...ids, ...definition, ...changes });
const revise = (changes: Partial<typeof definition> = {}) => command('ReviseProgramme', { ...definition, ...changes });
const retire = (reason = 'merged into the onboarding path') => command('RetireProgramme', { reason });

const defined: ProgrammeEvent = { type: 'ProgrammeDefined', data: { ...ids, ...definition, definedAt: now } };
const retired: ProgrammeEvent = {
  type: 'ProgrammeRetired',
  data: { ...ids, reason: 'merged into the onboarding path', retiredAt: now },
};

const fold = (events: readonly ProgrammeEvent[]): ProgrammeState =>
  events.reduce((state, event) => programmeDecider.evolve(state, event), programmeDecider.initialState());
const code = (value: TrainingErrorCode) => ({ code: value });
const invalidField = (field: string) => ({ code: TrainingErrorCode.InvalidInput, field });

describe('programme decider', () => {
  it('decides only events its schemas accept', () => {
    const revised: ProgrammeEvent = { type: 'ProgrammeRevised', data: { ...ids, ...definition, revisedAt: now } };
    for (const event of [defined, revised, retired]) expect(() => programmeEvents.check(event)).not.toThrow();
  });

  describe('DefineProgramme', () => {
    it('defines the programme with its courses in order', () => {
      spec.given([]).when(define()).then([defined]);
      expect(fold([defined])).toEqual({ status: 'active', ...ids, ...definition });
    });

    it('refuses a course listed twice, naming its place', () => {
      spec
        .given([])
        .when(define({ courseIds: ['product-basics', 'crm-hygiene', 'product-basics'] }))
        .thenThrows(TrainingError, invalidField('courseIds[2]'));
    });

    it('refuses a blank title, naming it', () => {
      spec
        .given([])
        .when(define({ title: ' ' }))
        .thenThrows(TrainingError, invalidField('title'));
    });

    it('refuses an id that is taken', () => {
      spec.given([defined]).when(define()).thenThrows(TrainingError, code(TrainingErrorCode.AlreadyExists));
    });
  });

  describe('a command on a programme that does not exist', () => {
    it.each([revise(), retire()])('refuses $type as not found', (refused) => {
      spec.given([]).when(refused).thenThrows(TrainingError, code(TrainingErrorCode.ProgrammeNotFound));
    });

    it("reports another division's programme as not found", () => {
      spec
        .given([defined])
        .when(command('ReviseProgramme', definition, { ...metadata, divisionId: 'south' }))
        .thenThrows(TrainingError, code(TrainingErrorCode.ProgrammeNotFound));
    });
  });

  describe('ReviseProgramme', () => {
    it('replaces the title and the courses, order included', () => {
      const courseIds = ['negotiation-101', 'product-basics'];
      const revised: ProgrammeEvent = {
        type: 'ProgrammeRevised',
        data: { ...ids, title: 'Rep path', courseIds, revisedAt: now },
      };
      spec
        .given([defined])
        .when(revise({ title: 'Rep path', courseIds }))
        .then([revised]);
      expect(fold([defined, revised])).toMatchObject({ title: 'Rep path', courseIds });
    });

    it('changes nothing when the definition is the same', () => {
      spec.given([defined]).when(revise()).thenNothingHappens();
    });

    it('refuses a course listed twice, naming its place', () => {
      spec
        .given([defined])
        .when(revise({ courseIds: ['crm-hygiene', 'crm-hygiene'] }))
        .thenThrows(TrainingError, invalidField('courseIds[1]'));
    });

    it('is refused once the programme is retired', () => {
      spec.given([defined, retired]).when(revise()).thenThrows(TrainingError, code(TrainingErrorCode.Retired));
    });
  });

  describe('RetireProgramme', () => {
    it('retires the programme with its reason', () => {
      spec.given([defined]).when(retire()).then([retired]);
      expect(fold([defined, retired])).toMatchObject({ status: 'retired' });
    });

    it('changes nothing when retired already', () => {
      spec.given([defined, retired]).when(retire('again')).thenNothingHappens();
    });
  });
});
