/** What tests of the service and of the platform use to set the service up. */
export { recordTestDivisions, testDivisions, testRoster } from './test-organisation';
