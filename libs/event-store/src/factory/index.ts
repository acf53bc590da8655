export { openEventStore } from './open-event-store';
