import type { CalendarDay } from '@salesos/kernel';
import { certificationsValidAt } from './certifications';
import type { TrainingState } from './training.state';

/** How ready a person is for a position: the share of its required certifications they hold valid, and the rest. */
export interface Readiness {
  /** From 0 to 1; 1 when nothing is required. */
  score: number;
  /** Required courses whose certification is valid at the date, in the order required. */
  held: string[];
  /** Required courses whose certification is missing or expired at the date, in the order required. */
  missing: string[];
}

export function readinessScore(
  requiredCourseIds: readonly string[],
  state: TrainingState,
  date: CalendarDay,
): Readiness {
  const required = [...new Set(requiredCourseIds)];
  const valid = new Set(certificationsValidAt(state, date).map((certification) => certification.courseId));
  const held = required.filter((courseId) => valid.has(courseId));
  const missing = required.filter((courseId) => !valid.has(courseId));
  return { score: required.length === 0 ? 1 : held.length / required.length, held, missing };
}
