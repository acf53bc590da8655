export { recordTestDealer, type TestDealer } from './test-dealers';
