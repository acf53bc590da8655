/** What the staffing service is given from outside. The event store's adapter is chosen by configuration. */
export const EVENT_STORE = Symbol('STAFFING_EVENT_STORE');
/** The service's own database: its read models, beside or apart from the event store. */
export const STAFFING_DATABASE = Symbol('STAFFING_DATABASE');
/** Where background work (consumers, timers) reports. */
export const STAFFING_LOGGER = Symbol('STAFFING_LOGGER');
/**
 * The service's views (a `ServiceViews`). A token of its own, not the class: in the all-in-one process every
 * service's module is global, and each service's features must find their own service's views.
 */
export const STAFFING_VIEWS = Symbol('STAFFING_VIEWS');
/** Lets one replica run the service's timers at a time (a `ProjectorLock`); null: this process runs them. */
export const STAFFING_TIMERS_LOCK = Symbol('STAFFING_TIMERS_LOCK');
/** How the training feature's timers run: `TrainingSettings`. */
export const STAFFING_TRAINING_SETTINGS = Symbol('STAFFING_TRAINING_SETTINGS');

/** The training feature's settings, given to the service as options. */
export interface TrainingSettings {
  /** How often the expiry timer looks for certifications due by the day (UTC); each expires on its day's first look. */
  expiryCheckIntervalMs: number;
}
