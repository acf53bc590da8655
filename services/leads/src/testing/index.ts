/** What tests of the service and of the platform use to set the service up. */
export { recordTestDivisions, testDivisions, testRoster } from './test-organisation';
export { recordTestDealers, type TestDealer, testDealerIds, untilLeadsKnowDealers } from './test-dealers';
export { eachTestLeadsApp, startTestLeadsApp, type TestLeadsApp, until } from './test-app';
