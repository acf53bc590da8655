import type { CommandMetadata } from '@salesos/event-sourcing';
import { DeciderSpecification } from '@salesos/event-sourcing/testing';
import type { CourseCommand, DefineCourse } from './course.commands';
import { courseDecider, type CourseState } from './course.decider';
import { type CourseEvent, courseEvents } from './course.events';
import { TrainingError, TrainingErrorCode } from './training.errors';

const now = '2026-03-10T12:00:00.000Z';
const metadata: CommandMetadata = { commandId: 'c1', now, divisionId: 'north' };
const command = <C extends CourseCommand>(type: C['type'], data: C['data'], meta: CommandMetadata = metadata): C =>
  ({ type, data, metadata: meta }) as C;
const ids = { courseId: 'negotiation-101', divisionId: 'north' };
const spec = DeciderSpecification.for(courseDecider);

const definition = {
  title: 'Negotiation basics',
  skills: ['discovery', 'objection handling'],
  passMark: 70,
  certificationValidityMonths: 12,
};
const define = (changes: Partial<DefineCourse['data']> = {}) =>
  command<DefineCourse>('DefineCourse', { ...ids, ...definition, ...changes });
const revise = (changes: Partial<typeof definition> = {}) => command('ReviseCourse', { ...definition, ...changes });
const retire = (reason = 'replaced by negotiation-201') => command('RetireCourse', { reason });

const defined: CourseEvent = { type: 'CourseDefined', data: { ...ids, ...definition, definedAt: now } };
const retired: CourseEvent = {
  type: 'CourseRetired',
  data: { ...ids, reason: 'replaced by negotiation-201', retiredAt: now },
};

const fold = (events: readonly CourseEvent[]): CourseState =>
  events.reduce((state, event) => courseDecider.evolve(state, event), courseDecider.initialState());
const code = (value: TrainingErrorCode) => ({ code: value });
const invalidField = (field: string) => ({ code: TrainingErrorCode.InvalidInput, field });

describe('course decider', () => {
  it('decides only events its schemas accept', () => {
    const revised: CourseEvent = { type: 'CourseRevised', data: { ...ids, ...definition, revisedAt: now } };
    for (const event of [defined, revised, retired]) expect(() => courseEvents.check(event)).not.toThrow();
  });

  describe('DefineCourse', () => {
    it('defines the course with its skills, pass mark and certification validity', () => {
      spec.given([]).when(define()).then([defined]);
    });

    it('defines a course whose certification never expires, leaving the validity out', () => {
      const { certificationValidityMonths: _validity, ...plain } = definition;
      spec
        .given([])
        .when(define({ certificationValidityMonths: undefined }))
        .then([{ type: 'CourseDefined', data: { ...ids, ...plain, definedAt: now } }]);
      const [event] = courseDecider.decide(define({ certificationValidityMonths: undefined }), { status: 'none' });
      expect(event?.data).not.toHaveProperty('certificationValidityMonths');
    });

    it.each([0, 100])('accepts a pass mark of %i', (passMark) => {
      spec
        .given([])
        .when(define({ passMark }))
        .then([{ type: 'CourseDefined', data: { ...ids, ...definition, passMark, definedAt: now } }]);
    });

    it.each([-1, 101, 70.5, Number.NaN])('refuses a pass mark of %d, naming passMark', (passMark) => {
      spec.given([]).when(define({ passMark })).thenThrows(TrainingError, invalidField('passMark'));
    });

    it.each([0, 121, 1.5])('refuses a validity of %d months, naming certificationValidityMonths', (months) => {
      spec
        .given([])
        .when(define({ certificationValidityMonths: months }))
        .thenThrows(TrainingError, invalidField('certificationValidityMonths'));
    });

    it('refuses a skill listed twice, naming its place', () => {
      spec
        .given([])
        .when(define({ skills: ['discovery', 'closing', 'discovery'] }))
        .thenThrows(TrainingError, invalidField('skills[2]'));
    });

    it('refuses a blank title or skill, naming it', () => {
      spec
        .given([])
        .when(define({ title: '   ' }))
        .thenThrows(TrainingError, invalidField('title'));
      spec
        .given([])
        .when(define({ skills: ['discovery', ' '] }))
        .thenThrows(TrainingError, invalidField('skills[1]'));
    });

    it('refuses an id that is taken, without naming the division that holds it', () => {
      spec.given([defined]).when(define()).thenThrows(TrainingError, code(TrainingErrorCode.AlreadyExists));
      spec
        .given([defined])
        .when(define({ divisionId: 'south' }))
        .thenThrows(
          TrainingError,
          (error) =>
            (error as TrainingError).code === TrainingErrorCode.AlreadyExists && !error.message.includes('north'),
        );
    });
  });

  describe('a command on a course that does not exist', () => {
    it.each([revise(), retire()])('refuses $type as not found', (refused) => {
      spec.given([]).when(refused).thenThrows(TrainingError, code(TrainingErrorCode.CourseNotFound));
    });

    it("reports another division's course as not found", () => {
      spec
        .given([defined])
        .when(command('RetireCourse', { reason: 'x' }, { ...metadata, divisionId: 'south' }))
        .thenThrows(TrainingError, code(TrainingErrorCode.CourseNotFound));
    });
  });

  describe('ReviseCourse', () => {
    it('replaces the definition as a whole', () => {
      spec
        .given([defined])
        .when(revise({ passMark: 80, skills: ['discovery'] }))
        .then([
          {
            type: 'CourseRevised',
            data: { ...ids, ...definition, passMark: 80, skills: ['discovery'], revisedAt: now },
          },
        ]);
    });

    it('drops the validity a revision leaves out: its certifications never expire from then on', () => {
      const { certificationValidityMonths: _validity, ...plain } = definition;
      const revised: CourseEvent = { type: 'CourseRevised', data: { ...ids, ...plain, revisedAt: now } };
      spec
        .given([defined])
        .when(revise({ certificationValidityMonths: undefined }))
        .then([revised]);
      expect(fold([defined, revised])).toEqual({ status: 'active', ...ids, ...plain });
    });

    it('changes nothing when the definition is the same', () => {
      spec.given([defined]).when(revise()).thenNothingHappens();
    });

    it('refuses a pass mark out of range, naming passMark', () => {
      spec
        .given([defined])
        .when(revise({ passMark: 120 }))
        .thenThrows(TrainingError, invalidField('passMark'));
    });

    it('is refused once the course is retired', () => {
      spec
        .given([defined, retired])
        .when(revise({ passMark: 80 }))
        .thenThrows(TrainingError, code(TrainingErrorCode.Retired));
    });
  });

  describe('RetireCourse', () => {
    it('retires the course with its reason', () => {
      spec.given([defined]).when(retire()).then([retired]);
      expect(fold([defined, retired])).toMatchObject({
        status: 'retired',
        retirementReason: 'replaced by negotiation-201',
      });
    });

    it('changes nothing when retired already', () => {
      spec.given([defined, retired]).when(retire('again')).thenNothingHappens();
    });
  });
});
