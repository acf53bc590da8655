import { ConfigError, loadPlatformConfig } from './platform-config';

describe('loadPlatformConfig', () => {
  it('defaults to the embedded platform: SQLite in ./data, port 3000', () => {
    expect(loadPlatformConfig({}, '/srv/salesos')).toEqual({
      port: 3000,
      dataDir: '/srv/salesos/data',
      eventStore: { kind: 'sqlite', filename: '/srv/salesos/data/events.db' },
      readModels: { kind: 'sqlite', filename: '/srv/salesos/data/read-models.db' },
      leadsDatabase: { kind: 'sqlite', filename: '/srv/salesos/data/leads.db' },
      channelsDatabase: { kind: 'sqlite', filename: '/srv/salesos/data/channels.db' },
      staffingDatabase: { kind: 'sqlite', filename: '/srv/salesos/data/staffing.db' },
      demoData: { seed: 42 },
      transport: 'in-process',
      kafkaBrokers: ['127.0.0.1:9092'],
      auth: { kind: 'embedded' },
      imports: { maxBytes: 10_485_760, maxRows: 50_000 },
    });
  });

  it('reads the bounds of a lead import, and names a bound that is not a whole number in range', () => {
    expect(
      loadPlatformConfig({ SALESOS_IMPORT_MAX_BYTES: '2097152', SALESOS_IMPORT_MAX_ROWS: ' 1000 ' }, '/').imports,
    ).toEqual({ maxBytes: 2_097_152, maxRows: 1_000 });
    let problems: string[] = [];
    try {
      loadPlatformConfig({ SALESOS_IMPORT_MAX_BYTES: '10MB', SALESOS_IMPORT_MAX_ROWS: '0' }, '/');
    } catch (error) {
      problems = (error as ConfigError).problems;
    }
    expect(problems).toEqual([
      "SALESOS_IMPORT_MAX_BYTES must be a whole number from 1 to 1073741824, got '10MB'",
      "SALESOS_IMPORT_MAX_ROWS must be a whole number from 1 to 10000000, got '0'",
    ]);
    expect(() => loadPlatformConfig({ SALESOS_IMPORT_MAX_ROWS: '1e6' }, '/')).toThrow(/SALESOS_IMPORT_MAX_ROWS/);
    expect(() => loadPlatformConfig({ SALESOS_IMPORT_MAX_BYTES: '2000000000' }, '/')).toThrow(
      /SALESOS_IMPORT_MAX_BYTES/,
    );
  });

  it('reads the identity provider settings, and names each one missing or out of range', () => {
    expect(
      loadPlatformConfig(
        {
          SALESOS_AUTH: 'jwks',
          SALESOS_AUTH_JWKS_URL: 'https://idp.example.com/.well-known/jwks.json',
          SALESOS_AUTH_ISSUER: 'https://idp.example.com/',
          SALESOS_AUTH_AUDIENCE: 'salesos',
          SALESOS_AUTH_CLOCK_SKEW_SECONDS: '30',
        },
        '/',
      ).auth,
    ).toEqual({
      kind: 'jwks',
      jwksUrl: 'https://idp.example.com/.well-known/jwks.json',
      issuer: 'https://idp.example.com/',
      audience: 'salesos',
      clockSkewSeconds: 30,
    });
    let problems: string[] = [];
    try {
      loadPlatformConfig({ SALESOS_AUTH: 'jwks', SALESOS_AUTH_CLOCK_SKEW_SECONDS: '3600' }, '/');
    } catch (error) {
      problems = (error as ConfigError).problems;
    }
    expect(problems).toEqual([
      "SALESOS_AUTH_CLOCK_SKEW_SECONDS must be an integer from 0 to 300, got '3600'",
      "SALESOS_AUTH_JWKS_URL must be an https URL (http only on a loopback address) when SALESOS_AUTH=jwks, got ''",
      'SALESOS_AUTH_ISSUER is required when SALESOS_AUTH=jwks',
      'SALESOS_AUTH_AUDIENCE is required when SALESOS_AUTH=jwks',
    ]);
    expect(() => loadPlatformConfig({ SALESOS_AUTH: 'basic' }, '/')).toThrow(/SALESOS_AUTH must be embedded or jwks/);
    const plain = {
      SALESOS_AUTH: 'jwks',
      SALESOS_AUTH_ISSUER: 'https://idp.example.com/',
      SALESOS_AUTH_AUDIENCE: 'salesos',
    };
    expect(() => loadPlatformConfig({ ...plain, SALESOS_AUTH_JWKS_URL: 'http://idp.example.com/jwks' }, '/')).toThrow(
      /must be an https URL/,
    );
    expect(
      loadPlatformConfig({ ...plain, SALESOS_AUTH_JWKS_URL: 'http://127.0.0.1:8080/jwks' }, '/').auth,
    ).toMatchObject({ kind: 'jwks' });
  });

  it('reads PostgreSQL, EventStoreDB and Kafka settings', () => {
    expect(
      loadPlatformConfig(
        { SALESOS_EVENT_STORE: 'postgres', SALESOS_DATABASE_URL: 'postgres://db/salesos', PORT: '8080' },
        '/',
      ),
    ).toMatchObject({
      port: 8080,
      eventStore: { kind: 'postgres', url: 'postgres://db/salesos' },
      readModels: { kind: 'postgres', url: 'postgres://db/salesos' },
      staffingDatabase: { kind: 'postgres', url: 'postgres://db/salesos' },
    });
    expect(
      loadPlatformConfig({ SALESOS_STAFFING_DATABASE_URL: 'postgres://staffing/salesos' }, '/').staffingDatabase,
    ).toEqual({ kind: 'postgres', url: 'postgres://staffing/salesos' });
    expect(() => loadPlatformConfig({ SALESOS_STAFFING_DATABASE_URL: 'mysql://staffing' }, '/')).toThrow(
      /SALESOS_STAFFING_DATABASE_URL must be a postgres:\/\/ URL/,
    );
    expect(loadPlatformConfig({ SALESOS_READ_MODELS_URL: 'postgres://reports/salesos' }, '/').readModels).toEqual({
      kind: 'postgres',
      url: 'postgres://reports/salesos',
    });
    expect(loadPlatformConfig({ SALESOS_EVENT_STORE: 'memory' }, '/').readModels).toEqual({
      kind: 'sqlite',
      filename: ':memory:',
    });
    expect(
      loadPlatformConfig(
        { SALESOS_EVENT_STORE: 'eventstoredb', EVENTSTORE_CONNECTION_STRING: 'esdb://es:2113?tls=false' },
        '/',
      ).eventStore,
    ).toEqual({ kind: 'eventstoredb', connectionString: 'esdb://es:2113?tls=false' });
    expect(loadPlatformConfig({ KAFKA_BROKERS: 'k1:9092, k2:9092' }, '/').kafkaBrokers).toEqual(['k1:9092', 'k2:9092']);
    expect(loadPlatformConfig({ SALESOS_TRANSPORT: 'kafka' }, '/').transport).toBe('kafka');
    expect(loadPlatformConfig({ SALESOS_DEMO_DATA: 'off' }, '/').demoData).toBeUndefined();
    expect(loadPlatformConfig({ SALESOS_DEMO_SEED: '7' }, '/').demoData).toEqual({ seed: 7 });
    expect(loadPlatformConfig({ SALESOS_DATA_DIR: '/var/lib/salesos' }, '/').dataDir).toBe('/var/lib/salesos');
  });

  it('names every bad variable at once, with the value it got', () => {
    const attempt = (): unknown =>
      loadPlatformConfig(
        {
          PORT: 'eighty',
          SALESOS_EVENT_STORE: 'mongo',
          SALESOS_READ_MODELS_URL: 'mysql://reports',
          SALESOS_TRANSPORT: 'carrier-pigeon',
          SALESOS_DEMO_DATA: 'maybe',
          SALESOS_DEMO_SEED: '-1',
          KAFKA_BROKERS: 'nohost',
        },
        '/',
      );
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/PORT must be an integer from 1 to 65535, got 'eighty'/);
    expect(attempt).toThrow(/SALESOS_EVENT_STORE must be one of sqlite, postgres, eventstoredb, memory, got 'mongo'/);
    expect(attempt).toThrow(/KAFKA_BROKERS must list host:port pairs, got 'nohost'/);
    expect(attempt).toThrow(/SALESOS_TRANSPORT must be in-process or kafka, got 'carrier-pigeon'/);
    expect(attempt).toThrow(/SALESOS_DEMO_DATA must be on or off, got 'maybe'/);
    expect(attempt).toThrow(/SALESOS_DEMO_SEED must be an integer from 0 to 4294967295, got '-1'/);
    expect(attempt).toThrow(/SALESOS_READ_MODELS_URL must be a postgres:\/\/ URL, got 'mysql:\/\/reports'/);
  });

  it('requires the connection setting of the chosen store', () => {
    expect(() => loadPlatformConfig({ SALESOS_EVENT_STORE: 'postgres' }, '/')).toThrow(/SALESOS_DATABASE_URL must be/);
    expect(() => loadPlatformConfig({ SALESOS_EVENT_STORE: 'eventstoredb' }, '/')).toThrow(
      /EVENTSTORE_CONNECTION_STRING must be/,
    );
    expect(() => loadPlatformConfig({ PORT: '70000' }, '/')).toThrow(/PORT/);
  });
});
