import { isAbsolute, resolve } from 'node:path';

export type EventStoreConfig =
  | { kind: 'sqlite'; filename: string }
  | { kind: 'postgres'; url: string }
  | { kind: 'eventstoredb'; connectionString: string }
  | { kind: 'memory' };

/** Where read models (reporting) live: beside the events by default. */
export type ReadModelsConfig = { kind: 'sqlite'; filename: string } | { kind: 'postgres'; url: string };

export interface PlatformConfig {
  port: number;
  dataDir: string;
  eventStore: EventStoreConfig;
  readModels: ReadModelsConfig;
  /** The leads service's own database: its views of its leads, segments and pipeline. */
  leadsDatabase: ReadModelsConfig;
  /** The channels service's own database: its views of channels, dealers, agreements, plans and funds. */
  channelsDatabase: ReadModelsConfig;
  /** The staffing service's own database: its views of the organisation, people, training and coaching. */
  staffingDatabase: ReadModelsConfig;
  /** Seed the demo company into an empty store at start, with this seed; undefined when turned off. */
  demoData: { seed: number } | undefined;
  /** How services exchange integration events: in one process (embedded) or through Kafka. */
  transport: 'in-process' | 'kafka';
  kafkaBrokers: string[];
  auth: AuthConfig;
  /** How large a CSV import of leads may be. */
  imports: ImportLimitsConfig;
}

/** The bounds of one CSV import: its bytes as sent, and its data rows (blank lines not counted). */
export interface ImportLimitsConfig {
  maxBytes: number;
  maxRows: number;
}

/**
 * Whose bearer tokens the API accepts: the embedded mode's own (a key generated into the data folder), or the
 * enterprise identity provider's, checked against its JWKS.
 */
export type AuthConfig =
  { kind: 'embedded' } | { kind: 'jwks'; jwksUrl: string; issuer: string; audience: string; clockSkewSeconds: number };

/** Every environment variable the platform reads, with what it means; docs and docker-compose are checked against it. */
export const platformEnvironment = {
  PORT: 'HTTP port of the API (default 3000).',
  SALESOS_DATA_DIR: 'Folder for the embedded SQLite files (default ./data).',
  SALESOS_EVENT_STORE: 'Event store adapter: sqlite (default), postgres, eventstoredb or memory.',
  SALESOS_DATABASE_URL: 'PostgreSQL URL, required when SALESOS_EVENT_STORE=postgres.',
  EVENTSTORE_CONNECTION_STRING: 'EventStoreDB connection string, required when SALESOS_EVENT_STORE=eventstoredb.',
  SALESOS_READ_MODELS_URL:
    'PostgreSQL URL for the read models; default: the event store database with postgres, else a SQLite file beside the events.',
  SALESOS_LEADS_DATABASE_URL:
    "PostgreSQL URL of the leads service's own database (its views); default: the event store database with postgres, else a SQLite file beside the events.",
  SALESOS_CHANNELS_DATABASE_URL:
    "PostgreSQL URL of the channels service's own database (its views); default: the event store database with postgres, else a SQLite file beside the events.",
  SALESOS_STAFFING_DATABASE_URL:
    "PostgreSQL URL of the staffing service's own database (its views); default: the event store database with postgres, else a SQLite file beside the events.",
  SALESOS_DEMO_DATA: 'on (default) seeds the demo company into an empty store at start; off leaves it empty.',
  SALESOS_DEMO_SEED: 'Seed of the demo data (default 42): the same seed gives the same company.',
  SALESOS_TRANSPORT: 'How services exchange integration events: in-process (default, embedded) or kafka.',
  KAFKA_BROKERS: 'Comma-separated Kafka bootstrap servers, used when SALESOS_TRANSPORT=kafka (default 127.0.0.1:9092).',
  SALESOS_AUTH:
    'Whose bearer tokens are accepted: embedded (default; a signing key generated into the data folder, tokens from npm run token) or jwks (the identity provider).',
  SALESOS_AUTH_JWKS_URL:
    "The identity provider's JWKS URL (https; plain http only on a loopback address), required when SALESOS_AUTH=jwks.",
  SALESOS_AUTH_ISSUER: 'The issuer (iss) tokens must carry, required when SALESOS_AUTH=jwks.',
  SALESOS_AUTH_AUDIENCE: 'The audience (aud) tokens must carry, required when SALESOS_AUTH=jwks.',
  SALESOS_AUTH_CLOCK_SKEW_SECONDS: 'Allowed clock difference when checking token times, 0 to 300 (default 60).',
  SALESOS_IMPORT_MAX_BYTES:
    'Largest CSV file a lead import takes, in bytes, 1 to 1073741824 (default 10485760, 10 MiB); larger is refused with 413.',
  SALESOS_IMPORT_MAX_ROWS:
    'Most data rows a lead import takes, blank lines not counted, 1 to 10000000 (default 50000); more is refused with 413.',
} as const;

export type PlatformVariable = keyof typeof platformEnvironment;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const eventStoreKinds = ['sqlite', 'postgres', 'eventstoredb', 'memory'] as const;

/** Reads and validates the environment at boot, reporting every problem at once. */
export function loadPlatformConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): PlatformConfig {
  const problems: string[] = [];
  const port = parsePort(env.PORT, problems);
  const dataDirRaw = env.SALESOS_DATA_DIR?.trim() || './data';
  const dataDir = isAbsolute(dataDirRaw) ? dataDirRaw : resolve(cwd, dataDirRaw);
  const eventStore = parseEventStore(env, dataDir, problems);
  const readModels = parseReadModels(env.SALESOS_READ_MODELS_URL, eventStore, dataDir, problems);
  const leadsDatabase = parseDatabase(
    'SALESOS_LEADS_DATABASE_URL',
    env.SALESOS_LEADS_DATABASE_URL,
    eventStore,
    dataDir,
    'leads.db',
    problems,
  );
  const channelsDatabase = parseDatabase(
    'SALESOS_CHANNELS_DATABASE_URL',
    env.SALESOS_CHANNELS_DATABASE_URL,
    eventStore,
    dataDir,
    'channels.db',
    problems,
  );
  const staffingDatabase = parseDatabase(
    'SALESOS_STAFFING_DATABASE_URL',
    env.SALESOS_STAFFING_DATABASE_URL,
    eventStore,
    dataDir,
    'staffing.db',
    problems,
  );
  const demoData = parseDemoData(env.SALESOS_DEMO_DATA, env.SALESOS_DEMO_SEED, problems);
  const transport = parseTransport(env.SALESOS_TRANSPORT, problems);
  const kafkaBrokers = parseBrokers(env.KAFKA_BROKERS, problems);
  const auth = parseAuth(env, problems);
  const imports = {
    maxBytes: parseBounded(
      'SALESOS_IMPORT_MAX_BYTES',
      env.SALESOS_IMPORT_MAX_BYTES,
      10 * 1024 * 1024,
      1024 ** 3,
      problems,
    ),
    maxRows: parseBounded('SALESOS_IMPORT_MAX_ROWS', env.SALESOS_IMPORT_MAX_ROWS, 50_000, 10_000_000, problems),
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return {
    port,
    dataDir,
    eventStore: eventStore as EventStoreConfig,
    readModels,
    leadsDatabase,
    channelsDatabase,
    staffingDatabase,
    demoData,
    transport,
    kafkaBrokers,
    auth,
    imports,
  };
}

/** A whole number from 1 to `max`, in plain decimal digits; `fallback` when unset. */
function parseBounded(
  variable: PlatformVariable,
  raw: string | undefined,
  fallback: number,
  max: number,
  problems: string[],
): number {
  const text = raw?.trim() ?? '';
  if (text === '') return fallback;
  const value = /^\d{1,12}$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < 1 || value > max) {
    problems.push(`${variable} must be a whole number from 1 to ${max}, got '${raw ?? ''}'`);
    return fallback;
  }
  return value;
}

function parsePort(raw: string | undefined, problems: string[]): number {
  if (raw === undefined || raw.trim() === '') return 3000;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    problems.push(`PORT must be an integer from 1 to 65535, got '${raw}'`);
  }
  return port;
}

function parseEventStore(env: NodeJS.ProcessEnv, dataDir: string, problems: string[]): EventStoreConfig | undefined {
  const kind = env.SALESOS_EVENT_STORE?.trim() || 'sqlite';
  switch (kind) {
    case 'sqlite':
      return { kind, filename: resolve(dataDir, 'events.db') };
    case 'memory':
      return { kind };
    case 'postgres': {
      const url = env.SALESOS_DATABASE_URL?.trim();
      if (!url || !/^postgres(ql)?:\/\//.test(url)) {
        problems.push(
          `SALESOS_DATABASE_URL must be a postgres:// URL when SALESOS_EVENT_STORE=postgres, got '${url ?? ''}'`,
        );
        return undefined;
      }
      return { kind, url };
    }
    case 'eventstoredb': {
      const connectionString = env.EVENTSTORE_CONNECTION_STRING?.trim();
      if (!connectionString || !/^(esdb|kurrentdb|esdb\+discover|kurrentdb\+discover):\/\//.test(connectionString)) {
        problems.push(
          `EVENTSTORE_CONNECTION_STRING must be an esdb:// or kurrentdb:// connection string when SALESOS_EVENT_STORE=eventstoredb, got '${connectionString ?? ''}'`,
        );
        return undefined;
      }
      return { kind, connectionString };
    }
    default:
      problems.push(`SALESOS_EVENT_STORE must be one of ${eventStoreKinds.join(', ')}, got '${kind}'`);
      return undefined;
  }
}

function parseReadModels(
  raw: string | undefined,
  eventStore: EventStoreConfig | undefined,
  dataDir: string,
  problems: string[],
): ReadModelsConfig {
  return parseDatabase('SALESOS_READ_MODELS_URL', raw, eventStore, dataDir, 'read-models.db', problems);
}

/** A service's database: the URL given, else the event store's PostgreSQL database, else a SQLite file of its own. */
function parseDatabase(
  variable: PlatformVariable,
  raw: string | undefined,
  eventStore: EventStoreConfig | undefined,
  dataDir: string,
  file: string,
  problems: string[],
): ReadModelsConfig {
  const url = raw?.trim();
  if (url !== undefined && url !== '') {
    if (!/^postgres(ql)?:\/\//.test(url)) problems.push(`${variable} must be a postgres:// URL, got '${url}'`);
    return { kind: 'postgres', url };
  }
  if (eventStore?.kind === 'postgres') return { kind: 'postgres', url: eventStore.url };
  if (eventStore?.kind === 'memory') return { kind: 'sqlite', filename: ':memory:' };
  return { kind: 'sqlite', filename: resolve(dataDir, file) };
}

function parseDemoData(
  raw: string | undefined,
  seedRaw: string | undefined,
  problems: string[],
): { seed: number } | undefined {
  const mode = raw?.trim() || 'on';
  const seed = seedRaw === undefined || seedRaw.trim() === '' ? 42 : Number(seedRaw);
  if (!Number.isInteger(seed) || seed < 0 || seed > 4_294_967_295) {
    problems.push(`SALESOS_DEMO_SEED must be an integer from 0 to 4294967295, got '${seedRaw ?? ''}'`);
  }
  if (mode === 'off') return undefined;
  if (mode !== 'on') problems.push(`SALESOS_DEMO_DATA must be on or off, got '${mode}'`);
  return { seed };
}

function parseTransport(raw: string | undefined, problems: string[]): PlatformConfig['transport'] {
  const transport = raw?.trim() || 'in-process';
  if (transport === 'in-process' || transport === 'kafka') return transport;
  problems.push(`SALESOS_TRANSPORT must be in-process or kafka, got '${transport}'`);
  return 'in-process';
}

function parseBrokers(raw: string | undefined, problems: string[]): string[] {
  const brokers = (raw?.trim() || '127.0.0.1:9092').split(',').map((broker) => broker.trim());
  const invalid = brokers.filter((broker) => !/^[A-Za-z0-9.-]+:\d{1,5}$/.test(broker));
  if (invalid.length > 0) problems.push(`KAFKA_BROKERS must list host:port pairs, got '${invalid.join(', ')}'`);
  return brokers;
}

function parseAuth(env: NodeJS.ProcessEnv, problems: string[]): AuthConfig {
  const kind = env.SALESOS_AUTH?.trim() || 'embedded';
  const skewRaw = env.SALESOS_AUTH_CLOCK_SKEW_SECONDS?.trim() || '60';
  const clockSkewSeconds = Number(skewRaw);
  if (!Number.isInteger(clockSkewSeconds) || clockSkewSeconds < 0 || clockSkewSeconds > 300) {
    problems.push(`SALESOS_AUTH_CLOCK_SKEW_SECONDS must be an integer from 0 to 300, got '${skewRaw}'`);
  }
  if (kind === 'embedded') return { kind };
  if (kind !== 'jwks') {
    problems.push(`SALESOS_AUTH must be embedded or jwks, got '${kind}'`);
    return { kind: 'embedded' };
  }
  const jwksUrl = env.SALESOS_AUTH_JWKS_URL?.trim() ?? '';
  const issuer = env.SALESOS_AUTH_ISSUER?.trim() ?? '';
  const audience = env.SALESOS_AUTH_AUDIENCE?.trim() ?? '';
  // Keys fetched over plain HTTP could be swapped on the way: only a loopback address may go without TLS.
  if (!/^https:\/\//.test(jwksUrl) && !/^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?\//.test(jwksUrl)) {
    problems.push(
      `SALESOS_AUTH_JWKS_URL must be an https URL (http only on a loopback address) when SALESOS_AUTH=jwks, got '${jwksUrl}'`,
    );
  }
  if (issuer === '') problems.push('SALESOS_AUTH_ISSUER is required when SALESOS_AUTH=jwks');
  if (audience === '') problems.push('SALESOS_AUTH_AUDIENCE is required when SALESOS_AUTH=jwks');
  return { kind, jwksUrl, issuer, audience, clockSkewSeconds };
}
