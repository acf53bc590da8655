/** What tests of the service and of the platform use to set the service up. */
export {
  eachTestStaffingApp,
  startTestStaffingApp,
  TestClock,
  type TestStaffingApp,
  type TestStaffingAppOptions,
  until,
} from './test-app';
export { recordTestOrganisation, type TestPosition, type TestUnit } from './test-organisation';
export { recordTestPeople, type TestPerson } from './test-people';
export { recordTestTraining, type TestAssessment, type TestCourse } from './test-training';
export {
  eachTestTrainingDivision,
  expectField,
  trainingDivisionCallers,
  trainingDivisionToday,
  type TestTrainingDivision,
} from './test-training-division';
