import 'reflect-metadata';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PATH_METADATA } from '@nestjs/common/constants';
import { loadPlatformConfig, type PlatformConfig, platformEnvironment, type PlatformVariable } from '@salesos/config';
import { HealthController } from '@salesos/messaging';
import { Deployment, type IDeployment } from 'kubernetes-models/apps/v1';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2';
import { type IJob, Job } from 'kubernetes-models/batch/v1';
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1';
import {
  ConfigMap,
  type IConfigMap,
  type IContainer,
  type IPodSpec,
  Namespace,
  PersistentVolumeClaim,
  Service,
  ServiceAccount,
} from 'kubernetes-models/v1';
import { parseAllDocuments } from 'yaml';

/**
 * deploy/k8s rendered as `kubectl apply -k` would (kubectl kustomize, offline), every object validated against the
 * Kubernetes API schemas (kubernetes-models), and the rules a platform team relies on checked on what is rendered.
 */
const root = join(__dirname, '..', '..');
const overlays = ['demo', 'production'] as const;
type Overlay = (typeof overlays)[number];

interface KubernetesObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
}

/** Validates an object of its model's kind (true), or answers false for another kind. */
type Validator = (object: unknown) => boolean;
function validator<T>(model: { is(value: unknown): value is T; new (data: T): { validate(): void } }): Validator {
  return (object) => {
    if (!model.is(object)) return false;
    new model(object).validate();
    return true;
  };
}
/** The kinds deploy/k8s may hold; another kind fails until it is added here with its schema. */
const validators = [
  validator(Namespace),
  validator(ServiceAccount),
  validator(ConfigMap),
  validator(Service),
  validator(PersistentVolumeClaim),
  validator(Deployment),
  validator(Job),
  validator(PodDisruptionBudget),
  validator(HorizontalPodAutoscaler),
  validator(NetworkPolicy),
];

function requireKubectl(): void {
  const probe = spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8' });
  if (probe.error !== undefined || probe.status !== 0) {
    throw new Error(
      'kubectl is needed to render deploy/k8s (`kubectl kustomize`, no cluster needed) and was not found on the PATH: ' +
        'install kubectl (it is installed on the project machines and in CI). ' +
        (probe.error?.message ?? probe.stderr),
    );
  }
}

function render(overlay: Overlay): KubernetesObject[] {
  const rendered = spawnSync('kubectl', ['kustomize', join(__dirname, 'overlays', overlay)], {
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  if (rendered.status !== 0) throw new Error(`kubectl kustomize ${overlay} failed: ${rendered.stderr}`);
  return parseAllDocuments(rendered.stdout).map((document) => document.toJS() as KubernetesObject);
}

type ProcessName = 'platform' | 'leads' | 'channels' | 'staffing' | 'reporting' | 'create-topics';

/** The process a container runs, from its command: a build output of the image (deploy/docker/Dockerfile). */
function processOf(container: IContainer): ProcessName | undefined {
  const [node, entry, ...rest] = container.args ?? [];
  if (node !== 'node' || rest.length > 0 || container.command !== undefined) return undefined;
  if (entry === 'dist/platform') return 'platform';
  if (entry === 'dist/platform/tools/create-topics.js') return 'create-topics';
  const service = /^dist\/services\/(leads|channels|staffing|reporting)$/.exec(entry ?? '')?.[1];
  return service as ProcessName | undefined;
}

/** Where the build puts each process (the Nx build targets' outputs and the platform's entry files). */
function builtEntryExists(process: ProcessName): boolean {
  const projectJson = (folder: string): { targets: { build?: { outputs: string[] } } } =>
    JSON.parse(readFileSync(join(root, folder, 'project.json'), 'utf8')) as {
      targets: { build?: { outputs: string[] } };
    };
  if (process === 'platform') return projectJson('tools').targets.build?.outputs[0] === '{workspaceRoot}/dist/platform';
  if (process === 'create-topics') {
    const files = (JSON.parse(readFileSync(join(root, 'tools', 'tsconfig.app.json'), 'utf8')) as { files: string[] })
      .files;
    return files.includes('create-topics.ts');
  }
  return projectJson(`services/${process}`).targets.build?.outputs[0] === `{workspaceRoot}/dist/services/${process}`;
}

const everyProcess: PlatformVariable[] = [
  'PORT',
  'SALESOS_DATA_DIR',
  'SALESOS_TRANSPORT',
  'KAFKA_BROKERS',
  'SALESOS_AUTH',
  'SALESOS_AUTH_JWKS_URL',
  'SALESOS_AUTH_ISSUER',
  'SALESOS_AUTH_AUDIENCE',
  'SALESOS_AUTH_CLOCK_SKEW_SECONDS',
];
const eventStore: PlatformVariable[] = ['SALESOS_EVENT_STORE', 'SALESOS_DATABASE_URL', 'EVENTSTORE_CONNECTION_STRING'];
type Store = 'eventStore' | 'readModels' | 'leadsDatabase' | 'channelsDatabase' | 'staffingDatabase';

/**
 * What each process reads of the environment (its main.ts and what it opens): a manifest sets no other variable,
 * and in production each of its stores is PostgreSQL.
 */
const reads: Record<ProcessName, { variables: PlatformVariable[]; stores: Store[] }> = {
  platform: {
    variables: Object.keys(platformEnvironment) as PlatformVariable[],
    stores: ['eventStore', 'readModels', 'leadsDatabase', 'channelsDatabase', 'staffingDatabase'],
  },
  leads: {
    variables: [
      ...everyProcess,
      ...eventStore,
      'SALESOS_LEADS_DATABASE_URL',
      'SALESOS_IMPORT_MAX_BYTES',
      'SALESOS_IMPORT_MAX_ROWS',
    ],
    stores: ['eventStore', 'leadsDatabase'],
  },
  channels: {
    variables: [...everyProcess, ...eventStore, 'SALESOS_CHANNELS_DATABASE_URL'],
    stores: ['eventStore', 'channelsDatabase'],
  },
  staffing: {
    variables: [...everyProcess, ...eventStore, 'SALESOS_STAFFING_DATABASE_URL'],
    stores: ['eventStore', 'staffingDatabase'],
  },
  reporting: { variables: [...everyProcess, 'SALESOS_READ_MODELS_URL'], stores: ['readModels'] },
  'create-topics': { variables: ['KAFKA_BROKERS'], stores: [] },
};

/** The Secret the platform team creates (README): PostgreSQL URLs under their variables' names. */
const databaseSecret = 'salesos-database';
const secretStandIn = 'postgres://salesos:secret@postgres.example.internal:5432/salesos';

/**
 * A container's environment as the kubelet would give it: literal values, ConfigMap keys from what is rendered, and
 * a stand-in URL for each Secret key (optional keys left unset, as when the Secret does not have them).
 */
function environmentOf(container: IContainer, configMaps: IConfigMap[]): Record<string, string> {
  const env: Record<string, string> = {};
  for (const variable of container.env ?? []) {
    const { configMapKeyRef, secretKeyRef } = variable.valueFrom ?? {};
    if (variable.value !== undefined) {
      env[variable.name] = variable.value;
    } else if (configMapKeyRef !== undefined) {
      const configMap = configMaps.find((candidate) => candidate.metadata?.name === configMapKeyRef.name);
      const value = configMap?.data?.[configMapKeyRef.key];
      if (value === undefined)
        throw new Error(`${variable.name}: no key ${configMapKeyRef.key} in ${configMapKeyRef.name}`);
      env[variable.name] = value;
    } else if (secretKeyRef !== undefined) {
      expect({ variable: variable.name, secret: secretKeyRef.name, key: secretKeyRef.key }).toEqual({
        variable: variable.name,
        secret: databaseSecret,
        key: variable.name,
      });
      expect(variable.name).toMatch(/_URL$/);
      if (secretKeyRef.optional !== true) env[variable.name] = secretStandIn;
    } else {
      throw new Error(`${variable.name}: set from neither a value, a ConfigMap nor the ${databaseSecret} Secret`);
    }
  }
  return env;
}

const ofKind = <T>(objects: KubernetesObject[], guard: (value: unknown) => value is T): T[] =>
  objects.flatMap((object) => (guard(object) ? [object] : []));

const matches = (selector: Record<string, string> | undefined, labels: Record<string, string> | undefined): boolean =>
  selector !== undefined &&
  Object.keys(selector).length > 0 &&
  Object.entries(selector).every(([key, value]) => labels?.[key] === value);

function healthRoute(method: 'live' | 'ready'): string {
  const handler: unknown = Object.getOwnPropertyDescriptor(HealthController.prototype, method)?.value;
  const path: unknown = typeof handler === 'function' ? Reflect.getMetadata(PATH_METADATA, handler) : undefined;
  return `/${String(path)}`;
}

interface Workload {
  name: string;
  kind: 'Deployment' | 'Job';
  pod: IPodSpec;
  labels: Record<string, string>;
}

beforeAll(requireKubectl);

describe.each(overlays)('deploy/k8s overlay %s', (overlay) => {
  let objects: KubernetesObject[] = [];
  let deployments: IDeployment[] = [];
  let jobs: IJob[] = [];
  let configMaps: IConfigMap[] = [];
  let workloads: Workload[] = [];

  beforeAll(() => {
    objects = render(overlay);
    deployments = ofKind(objects, Deployment.is);
    jobs = ofKind(objects, Job.is);
    configMaps = ofKind(objects, ConfigMap.is);
    workloads = [
      ...deployments.map((deployment) => ({
        name: deployment.metadata?.name ?? '',
        kind: 'Deployment' as const,
        pod: deployment.spec?.template.spec ?? { containers: [] },
        labels: deployment.spec?.template.metadata?.labels ?? {},
      })),
      ...jobs.map((job) => ({
        name: job.metadata?.name ?? '',
        kind: 'Job' as const,
        pod: job.spec?.template.spec ?? { containers: [] },
        labels: job.spec?.template.metadata?.labels ?? {},
      })),
    ];
  });

  const containers = (): Array<{ workload: Workload; container: IContainer }> =>
    workloads.flatMap((workload) => workload.pod.containers.map((container) => ({ workload, container })));

  it('renders objects that the Kubernetes API schemas accept, each of a kind it knows', () => {
    expect(objects.length).toBeGreaterThan(0);
    for (const object of objects) {
      const where = `${object.kind} ${object.metadata.name}`;
      let known = false;
      expect(() => (known = validators.some((validate) => validate(object)))).not.toThrow();
      expect({ where, known }).toEqual({ where, known: true });
    }
  });

  it('puts everything in one namespace held to the restricted Pod Security Standard', () => {
    const [namespace, ...others] = ofKind(objects, Namespace.is);
    expect(others).toEqual([]);
    expect(namespace?.metadata?.labels?.['pod-security.kubernetes.io/enforce']).toBe('restricted');
    for (const object of objects.filter((candidate) => candidate.kind !== 'Namespace')) {
      expect({ object: object.metadata.name, namespace: object.metadata.namespace }).toEqual({
        object: object.metadata.name,
        namespace: namespace?.metadata?.name,
      });
    }
  });

  it('holds references to the Secret, never a Secret with its values', () => {
    expect(objects.filter((object) => object.kind === 'Secret')).toEqual([]);
  });

  it('runs every container from one pinned image, with a command the build produces', () => {
    const images = new Set(containers().map(({ container }) => container.image));
    expect(images.size).toBe(1);
    expect([...images][0]).toMatch(/^[\w./-]+:\d[\w.-]*$/);
    for (const { workload, container } of containers()) {
      const process = processOf(container);
      expect({ workload: workload.name, args: container.args, known: process !== undefined }).toEqual({
        workload: workload.name,
        args: container.args,
        known: true,
      });
      expect(builtEntryExists(process as ProcessName)).toBe(true);
    }
  });

  it('gives every Deployment startup, liveness and readiness probes on the health routes the services serve', () => {
    expect(healthRoute('live')).toBe('/health/live');
    expect(healthRoute('ready')).toBe('/health/ready');
    for (const { workload, container } of containers().filter(({ workload }) => workload.kind === 'Deployment')) {
      const where = `${workload.name}/${container.name}`;
      const http = container.ports?.find((port) => port.name === 'http');
      expect({ where, port: http?.containerPort }).toEqual({
        where,
        port: Number(environmentOf(container, configMaps).PORT),
      });
      const probes = {
        startup: container.startupProbe?.httpGet,
        liveness: container.livenessProbe?.httpGet,
        readiness: container.readinessProbe?.httpGet,
      };
      expect({ where, probes }).toEqual({
        where,
        probes: {
          startup: { path: healthRoute('live'), port: 'http' },
          liveness: { path: healthRoute('live'), port: 'http' },
          readiness: { path: healthRoute('ready'), port: 'http' },
        },
      });
    }
  });

  it('bounds every container with requests and limits of CPU and memory', () => {
    for (const { workload, container } of containers()) {
      const { requests, limits } = container.resources ?? {};
      expect({ where: `${workload.name}/${container.name}`, requests, limits }).toEqual({
        where: `${workload.name}/${container.name}`,
        requests: { cpu: expect.anything() as unknown, memory: expect.anything() as unknown },
        limits: { cpu: expect.anything() as unknown, memory: expect.anything() as unknown },
      });
    }
  });

  it('runs no container as root, with a read-only root filesystem, no privilege escalation and no capabilities', () => {
    for (const { workload, container } of containers()) {
      const pod = workload.pod.securityContext ?? {};
      const own = container.securityContext ?? {};
      const where = `${workload.name}/${container.name}`;
      expect({ where, runAsNonRoot: own.runAsNonRoot ?? pod.runAsNonRoot }).toEqual({ where, runAsNonRoot: true });
      expect({ where, rootUser: (own.runAsUser ?? pod.runAsUser) === 0 }).toEqual({ where, rootUser: false });
      expect({
        where,
        readOnlyRootFilesystem: own.readOnlyRootFilesystem,
        allowPrivilegeEscalation: own.allowPrivilegeEscalation,
        drop: own.capabilities?.drop,
        add: own.capabilities?.add,
        privileged: own.privileged,
        seccomp: (own.seccompProfile ?? pod.seccompProfile)?.type,
      }).toEqual({
        where,
        readOnlyRootFilesystem: true,
        allowPrivilegeEscalation: false,
        drop: ['ALL'],
        add: undefined,
        privileged: undefined,
        seccomp: 'RuntimeDefault',
      });
      const tmp = container.volumeMounts?.find((mount) => mount.mountPath === '/tmp');
      const tmpVolume = workload.pod.volumes?.find((volume) => volume.name === tmp?.name);
      expect({ where, tmp: tmpVolume?.emptyDir !== undefined }).toEqual({ where, tmp: true });
      expect({
        where,
        token: workload.pod.automountServiceAccountToken,
        links: workload.pod.enableServiceLinks,
      }).toEqual({ where, token: false, links: false });
    }
  });

  it('sets exactly the variables each process reads, from values, the settings ConfigMap or the Secret, and the code accepts them', () => {
    for (const { workload, container } of containers()) {
      const process = processOf(container) as ProcessName;
      const names = (container.env ?? []).map((variable) => variable.name);
      const where = `${workload.name}/${container.name}`;
      expect({ where, duplicates: names.filter((name, index) => names.indexOf(name) !== index) }).toEqual({
        where,
        duplicates: [],
      });
      expect({ where, unread: names.filter((name) => !(reads[process].variables as string[]).includes(name)) }).toEqual(
        {
          where,
          unread: [],
        },
      );
      expect(container.envFrom).toBeUndefined();
      expect(() => loadPlatformConfig(environmentOf(container, configMaps), '/app')).not.toThrow();
    }
  });

  it('gives every Deployment a PodDisruptionBudget and every replicated HTTP Deployment an autoscaler', () => {
    const budgets = ofKind(objects, PodDisruptionBudget.is);
    const autoscalers = ofKind(objects, HorizontalPodAutoscaler.is);
    for (const deployment of deployments) {
      const name = deployment.metadata?.name ?? '';
      const labels = deployment.spec?.template.metadata?.labels;
      const covering = budgets.filter((budget) => matches(budget.spec?.selector?.matchLabels, labels));
      expect({ name, budgets: covering.length }).toEqual({ name, budgets: 1 });
      const scaled = autoscalers.filter(
        (autoscaler) =>
          autoscaler.spec?.scaleTargetRef.kind === 'Deployment' && autoscaler.spec.scaleTargetRef.name === name,
      );
      const http = (deployment.spec?.template.spec?.containers ?? []).some((container) =>
        container.ports?.some((port) => port.name === 'http'),
      );
      // A pod on a ReadWriteOnce volume (the demo's SQLite files) has one writer: one replica, replaced, not scaled.
      const claims = (deployment.spec?.template.spec?.volumes ?? []).flatMap((volume) =>
        volume.persistentVolumeClaim === undefined ? [] : [volume.persistentVolumeClaim.claimName],
      );
      const singleWriter = ofKind(objects, PersistentVolumeClaim.is).some(
        (claim) => claims.includes(claim.metadata?.name ?? '') && claim.spec?.accessModes?.includes('ReadWriteOnce'),
      );
      if (singleWriter) {
        expect({ name, replicas: deployment.spec?.replicas, strategy: deployment.spec?.strategy?.type }).toEqual({
          name,
          replicas: 1,
          strategy: 'Recreate',
        });
        expect({ name, autoscalers: scaled.length }).toEqual({ name, autoscalers: 0 });
      } else if (http) {
        expect({ name, autoscalers: scaled.length }).toEqual({ name, autoscalers: 1 });
        expect(scaled[0]?.spec?.minReplicas).toBeGreaterThanOrEqual(2);
        expect(deployment.spec?.replicas).toBeUndefined();
        expect(deployment.spec?.strategy?.rollingUpdate?.maxUnavailable).toBe(0);
      }
    }
  });

  it('serves each Deployment through a Service on its named HTTP port', () => {
    const services = ofKind(objects, Service.is);
    for (const service of services) {
      const selected = deployments.filter((deployment) =>
        matches(service.spec?.selector, deployment.spec?.template.metadata?.labels),
      );
      expect({ service: service.metadata?.name, selects: selected.length }).toEqual({
        service: service.metadata?.name,
        selects: 1,
      });
      expect(service.spec?.ports?.map((port) => port.targetPort)).toEqual(['http']);
    }
    expect(services.length).toBe(deployments.length);
  });

  it('denies all traffic by default and opens each Deployment only on its HTTP port', () => {
    const policies = ofKind(objects, NetworkPolicy.is);
    const denyAll = policies.find(
      (policy) =>
        Object.keys(policy.spec?.podSelector ?? {}).length === 0 &&
        policy.spec?.ingress === undefined &&
        policy.spec?.egress === undefined,
    );
    expect(denyAll?.spec?.policyTypes).toEqual(['Ingress', 'Egress']);
    for (const workload of workloads.filter((candidate) => candidate.kind === 'Deployment')) {
      const ingress = policies
        .filter((policy) => matches(policy.spec?.podSelector?.matchLabels, workload.labels))
        .flatMap((policy) => policy.spec?.ingress ?? []);
      expect({
        workload: workload.name,
        ports: ingress.flatMap((rule) => rule.ports?.map((port) => port.port)),
      }).toEqual({ workload: workload.name, ports: ['http'] });
    }
  });

  if (overlay === 'demo') {
    it('runs the all-in-one platform on embedded SQLite, seeded with the demo company, its data on the volume', () => {
      expect(deployments).toHaveLength(1);
      const container = deployments[0]?.spec?.template.spec?.containers[0] as IContainer;
      expect(processOf(container)).toBe('platform');
      const config = loadPlatformConfig(environmentOf(container, configMaps), '/app');
      expect(config).toMatchObject({ transport: 'in-process', auth: { kind: 'embedded' }, demoData: { seed: 42 } });
      expect(config.eventStore).toEqual({ kind: 'sqlite', filename: join(config.dataDir, 'events.db') });
      const data = container.volumeMounts?.find((mount) => mount.mountPath === config.dataDir);
      const volume = deployments[0]?.spec?.template.spec?.volumes?.find((candidate) => candidate.name === data?.name);
      expect(volume?.persistentVolumeClaim?.claimName).toBe('salesos-data');
      expect(jobs).toEqual([]);
    });
  }

  if (overlay === 'production') {
    it('runs each service in Deployments of its own on PostgreSQL and Kafka, checking the identity provider’s tokens', () => {
      const byProcess = new Map(
        deployments.map((deployment) => {
          const container = deployment.spec?.template.spec?.containers[0] as IContainer;
          return [processOf(container), container] as const;
        }),
      );
      expect([...byProcess.keys()].sort()).toEqual(['channels', 'leads', 'reporting', 'staffing']);
      for (const [process, container] of byProcess) {
        const config: PlatformConfig = loadPlatformConfig(environmentOf(container, configMaps), '/app');
        // runService stops a service alone that is not on Kafka; a loopback broker is the container itself.
        expect({ process, transport: config.transport, auth: config.auth.kind }).toEqual({
          process,
          transport: 'kafka',
          auth: 'jwks',
        });
        expect(config.kafkaBrokers.filter((broker) => /^(127\.|localhost)/.test(broker))).toEqual([]);
        for (const store of reads[process as ProcessName].stores) {
          expect({ process, store, kind: config[store].kind }).toEqual({ process, store, kind: 'postgres' });
        }
      }
    });

    it('creates the topics with a Job of the image on the same brokers, retried and cleaned up', () => {
      expect(jobs).toHaveLength(1);
      const job = jobs[0] as IJob;
      const container = job.spec?.template.spec?.containers[0] as IContainer;
      expect(processOf(container)).toBe('create-topics');
      const brokers = environmentOf(container, configMaps).KAFKA_BROKERS;
      const leads = deployments.find((deployment) => deployment.metadata?.name === 'salesos-leads');
      expect(brokers).toBe(
        environmentOf(leads?.spec?.template.spec?.containers[0] as IContainer, configMaps).KAFKA_BROKERS,
      );
      expect(job.spec?.template.spec?.restartPolicy).toBe('Never');
      expect(job.spec?.backoffLimit).toBeGreaterThan(0);
      expect(job.spec?.ttlSecondsAfterFinished).toBeGreaterThan(0);
      const egress = ofKind(objects, NetworkPolicy.is)
        .filter((policy) => matches(policy.spec?.podSelector?.matchLabels, job.spec?.template.metadata?.labels))
        .flatMap((policy) => policy.spec?.egress ?? [])
        .flatMap((rule) => rule.ports?.map((port) => port.port) ?? []);
      const brokerPorts = (brokers ?? '').split(',').map((broker) => Number(broker.split(':')[1]));
      expect(egress).toEqual(expect.arrayContaining([53, ...brokerPorts]));
    });
  }
});
