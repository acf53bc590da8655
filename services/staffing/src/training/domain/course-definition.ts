import type { CourseDefinition } from './course.events';
import { invalidInput, refuseBlank, refuseRepeats } from './training.errors';

/** The definition as the events hold it: a validity left out stays out instead of being stored as undefined. */
export function checkedCourseDefinition(definition: CourseDefinition): CourseDefinition {
  const { title, skills, passMark, certificationValidityMonths } = definition;
  refuseBlank('title', title);
  skills.forEach((skill, at) => refuseBlank(`skills[${at}]`, skill));
  refuseRepeats('skills', skills);
  if (!Number.isInteger(passMark) || passMark < 0 || passMark > 100) {
    throw invalidInput('passMark', 'A pass mark is a whole number of points from 0 to 100');
  }
  if (
    certificationValidityMonths !== undefined &&
    (!Number.isInteger(certificationValidityMonths) ||
      certificationValidityMonths < 1 ||
      certificationValidityMonths > 120)
  ) {
    throw invalidInput(
      'certificationValidityMonths',
      'A certification is valid for a whole number of months from 1 to 120; leave it out for one that never expires',
    );
  }
  return {
    title,
    skills: [...skills],
    passMark,
    ...(certificationValidityMonths === undefined ? {} : { certificationValidityMonths }),
  };
}

export function sameCourseDefinition(a: CourseDefinition, b: CourseDefinition): boolean {
  return (
    a.title === b.title &&
    a.passMark === b.passMark &&
    a.certificationValidityMonths === b.certificationValidityMonths &&
    JSON.stringify(a.skills) === JSON.stringify(b.skills)
  );
}
