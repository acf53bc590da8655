/** What the channels service is given from outside. The event store's adapter is chosen by configuration. */
export const EVENT_STORE = Symbol('CHANNELS_EVENT_STORE');
/** The service's own database: its read models, beside or apart from the event store. */
export const CHANNELS_DATABASE = Symbol('CHANNELS_DATABASE');
/** Where background work (consumers, timers) reports. */
export const CHANNELS_LOGGER = Symbol('CHANNELS_LOGGER');
/**
 * The service's views (a `ServiceViews`). A token of its own, not the class: in the all-in-one process every
 * service's module is global, and each service's features must find their own service's views.
 */
export const CHANNELS_VIEWS = Symbol('CHANNELS_VIEWS');
