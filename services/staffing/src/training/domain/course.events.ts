import { type Static, Type } from '@sinclair/typebox';
import { defineEvents, type EventOf } from '@salesos/event-sourcing';
import { CertificationValidityMonths, PassMark, StaffingReason } from '@salesos/contracts';
import { Id, Instant, text } from '@salesos/kernel';

export const Title = text(1, 200);
export const Skill = text(1, 80);

/**
 * What a course is, given whole when defined and when revised: the lowest score out of 100 that passes it, and how
 * many months a pass certifies (left out, a pass certifies for good: a standing qualification a position may still
 * require).
 */
export const CourseDefinition = Type.Object({
  title: Title,
  skills: Type.Array(Skill, { minItems: 1, maxItems: 50 }),
  passMark: PassMark,
  certificationValidityMonths: Type.Optional(CertificationValidityMonths),
});
export type CourseDefinition = Static<typeof CourseDefinition>;

/** Every course event names the course and its division, so projections and isolation need nothing else. */
const course = { courseId: Id, divisionId: Id };

/**
 * A course of a division's training catalogue. A revision replaces the definition; assessments keep the pass mark
 * they were judged by, so a revised pass mark never re-judges them.
 */
export const courseEvents = defineEvents({
  CourseDefined: Type.Object({ ...course, ...CourseDefinition.properties, definedAt: Instant }),
  CourseRevised: Type.Object({ ...course, ...CourseDefinition.properties, revisedAt: Instant }),
  CourseRetired: Type.Object({ ...course, reason: StaffingReason, retiredAt: Instant }),
});

export type CourseEvent = EventOf<typeof courseEvents>;
type CourseEventOf<Type extends CourseEvent['type']> = Extract<CourseEvent, { type: Type }>;
export type CourseDefined = CourseEventOf<'CourseDefined'>;
export type CourseRevised = CourseEventOf<'CourseRevised'>;
export type CourseRetired = CourseEventOf<'CourseRetired'>;
