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
