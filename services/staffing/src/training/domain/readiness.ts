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

/** How ready a group of people is: every required certification of each counted once, held or not. */
export interface PooledReadiness {
  /** From 0 to 1: the share of all their required certifications they hold valid; 1 when nothing is required. */
  score: number;
  held: number;
  required: number;
}

/**
 * A unit's readiness: the share of the certifications its people's positions require that they hold, each person's
 * requirements weighing as many as they are (a position that requires more counts for more).
 */
export function pooledReadiness(readinesses: readonly Readiness[]): PooledReadiness {
  const held = readinesses.reduce((sum, readiness) => sum + readiness.held.length, 0);
  const required = readinesses.reduce((sum, readiness) => sum + readiness.held.length + readiness.missing.length, 0);
  return { score: required === 0 ? 1 : held / required, held, required };
}
