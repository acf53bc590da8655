/** What the leads service is given from outside. The event store's adapter is chosen by configuration. */
export const EVENT_STORE = Symbol('EVENT_STORE');
/** Where background work (segment rematching, imports) reports. */
export const LEADS_LOGGER = Symbol('LEADS_LOGGER');
