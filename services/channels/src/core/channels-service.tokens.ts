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
/** How deal registrations lapse: `RegistrationSettings`. */
export const CHANNELS_REGISTRATION_SETTINGS = Symbol('CHANNELS_REGISTRATION_SETTINGS');
/** Lets one replica run the service's timers at a time (a `ProjectorLock`); null: this process runs them. */
export const CHANNELS_TIMERS_LOCK = Symbol('CHANNELS_TIMERS_LOCK');

/** The division's deal registration settings, given to the service as options. */
export interface RegistrationSettings {
  /** Whole days without progress after which an accepted registration lapses. */
  lapseAfterDays: number;
  /** How often the lapse timer looks for registrations that fell due. */
  lapseCheckIntervalMs: number;
}
