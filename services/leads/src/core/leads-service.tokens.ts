/** What the leads service is given from outside. The event store's adapter is chosen by configuration. */
export const EVENT_STORE = Symbol('EVENT_STORE');
/** The service's own database: its read models, beside or apart from the event store. */
export const LEADS_DATABASE = Symbol('LEADS_DATABASE');
/** Where background work (segment rematching, imports) reports. */
export const LEADS_LOGGER = Symbol('LEADS_LOGGER');
