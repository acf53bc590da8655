/** The event store the service appends to; the adapter is chosen by configuration. */
export const EVENT_STORE = Symbol('EVENT_STORE');
