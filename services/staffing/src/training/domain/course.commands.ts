import type { Command } from '@salesos/event-sourcing';
import type { CourseDefinition } from './course.events';

export type DefineCourse = Command<'DefineCourse', { courseId: string; divisionId: string } & CourseDefinition>;
/** The course's whole definition as it is to be from now on; a validity left out means it certifies nothing. */
export type ReviseCourse = Command<'ReviseCourse', CourseDefinition>;
export type RetireCourse = Command<'RetireCourse', { reason: string }>;

export type CourseCommand = DefineCourse | ReviseCourse | RetireCourse;
