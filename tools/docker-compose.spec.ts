import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { loadPlatformConfig, platformEnvironment } from '@salesos/config';

interface ComposeService {
  image?: string;
  build?: { context: string; dockerfile: string };
  environment?: Record<string, string | number>;
  ports?: string[];
  healthcheck?: { test: string[] };
  depends_on?: Record<string, { condition: string }>;
}

const root = join(__dirname, '..');
const compose = parse(readFileSync(join(root, 'docker-compose.yml'), 'utf8')) as {
  services: Record<string, ComposeService>;
};
const services = compose.services;
const platformServices = Object.entries(services).filter(([, service]) => service.build !== undefined);
const infrastructure = Object.entries(services).filter(([, service]) => service.build === undefined);

function containerPorts(service: ComposeService): number[] {
  return (service.ports ?? []).map((mapping) => Number(mapping.split(':').pop()));
}

function stringEnv(service: ComposeService): Record<string, string> {
  return Object.fromEntries(Object.entries(service.environment ?? {}).map(([key, value]) => [key, String(value)]));
}

describe('docker-compose.yml', () => {
  it('runs PostgreSQL, Kafka (KRaft) and EventStoreDB with health checks and pinned images', () => {
    expect(Object.keys(services)).toEqual(expect.arrayContaining(['postgres', 'kafka', 'eventstoredb']));
    for (const [name, service] of Object.entries(services)) {
      expect({ name, image: service.image }).toEqual({ name, image: expect.stringMatching(/:\d[\w.-]*$/) as unknown });
    }
    for (const [name, service] of infrastructure) {
      expect({ name, healthcheck: service.healthcheck?.test.length }).toEqual({
        name,
        healthcheck: expect.any(Number) as unknown,
      });
    }
    expect(stringEnv(services.kafka as ComposeService).KAFKA_PROCESS_ROLES).toBe('broker,controller');
  });

  it('publishes the ports the code uses by default', () => {
    const defaults = loadPlatformConfig({}, root);
    const kafkaPort = Number(defaults.kafkaBrokers[0]?.split(':')[1]);
    expect(containerPorts(services.kafka as ComposeService)).toContain(kafkaPort);
    expect(containerPorts(services.postgres as ComposeService)).toContain(5432);
    expect(containerPorts(services.eventstoredb as ComposeService)).toContain(2113);
  });

  it('gives every platform service a configuration the code accepts, pointing at services that exist', () => {
    expect(platformServices.length).toBeGreaterThan(0);
    for (const [name, service] of platformServices) {
      const env = stringEnv(service);
      const unknown = Object.keys(env).filter((key) => !(key in platformEnvironment));
      expect({ name, unknown }).toEqual({ name, unknown: [] });
      const config = loadPlatformConfig(env, '/app');
      expect(containerPorts(service)).toContain(config.port);

      const targets: Array<[string, number]> = config.kafkaBrokers.map((broker) => {
        const [host, port] = broker.split(':');
        return [host as string, Number(port)];
      });
      if (config.eventStore.kind === 'postgres') {
        const url = new URL(config.eventStore.url);
        targets.push([url.hostname, Number(url.port || 5432)]);
        const postgresEnv = stringEnv(services[url.hostname] as ComposeService);
        expect(decodeURIComponent(url.username)).toBe(postgresEnv.POSTGRES_USER);
        expect(decodeURIComponent(url.password)).toBe(postgresEnv.POSTGRES_PASSWORD);
        expect(url.pathname).toBe(`/${postgresEnv.POSTGRES_DB}`);
      }
      for (const [host, port] of targets) {
        const target = services[host];
        expect({ name, host, defined: target !== undefined }).toEqual({ name, host, defined: true });
        const listens = [
          ...containerPorts(target as ComposeService),
          ...Object.values(stringEnv(target as ComposeService)).flatMap((value) =>
            [...value.matchAll(/:(\d{2,5})\b/g)].map((match) => Number(match[1])),
          ),
        ];
        expect({ name, host, port, listens: listens.includes(port) }).toEqual({ name, host, port, listens: true });
        expect(service.depends_on?.[host]?.condition).toBe('service_healthy');
      }
      for (const dependency of Object.keys(service.depends_on ?? {})) {
        expect(Object.keys(services)).toContain(dependency);
      }
    }
    expect(infrastructure.length).toBeGreaterThanOrEqual(3);
  });

  it('builds platform images from a Dockerfile that exists', () => {
    for (const [, service] of platformServices) {
      const dockerfile = readFileSync(
        join(root, service.build?.context ?? '.', service.build?.dockerfile ?? ''),
        'utf8',
      );
      expect(dockerfile).toMatch(/npm ci/);
      // The image's default command is the built all-in-one platform (deploy/docker/dockerfile.spec.ts checks the rest).
      expect(dockerfile).toMatch(/CMD \["node", "dist\/platform"\]/);
    }
  });
});
