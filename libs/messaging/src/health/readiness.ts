import type { ConsumerStatus } from '../consumer/consumer-runner';
import type { RelayStatus } from '../relay/relay';

/** What the service needs to serve at all: its event store, its database. */
export interface DependencyStatus {
  name: string;
  up: boolean;
  /** It answered, but not in time at the last check: busy, not gone (gone is `up: false`). */
  slow?: boolean;
  error?: string;
}

/**
 * `up`: everything works. `degraded`: the service serves (its store and database answer) but part of its messaging
 * does not: a consumer joins, is stalled or cannot reach the broker, a relay cannot publish; `reasons` says which.
 * `down`: it cannot serve: a store or database does not answer, or a relay or consumer stopped for good.
 */
export type ReadinessStatus = 'up' | 'degraded' | 'down';

/** The views a service keeps of its own streams (its projector), as readiness sees them. */
export interface ViewsStatus {
  name: string;
  /** `live`: caught up; `standby`: another replica keeps them; `catching-up`, `retrying`, `idle`, `stopped`. */
  state: string;
  parked: number;
  checkpoint: string;
  /** Events not yet in the views, when known. */
  lag?: number | null;
  lastError?: string;
}

export interface ReadinessVerdict {
  status: ReadinessStatus;
  /** One line for each thing an operator should look at; empty when up. */
  reasons: string[];
}

/**
 * A degraded service still takes traffic: the commands of a leads service whose broker is down are stored and
 * published later, a reporting service answers from its tables. Only what stops it from serving makes it down.
 */
export function judgeReadiness(parts: {
  dependencies: readonly DependencyStatus[];
  consumers: readonly ConsumerStatus[];
  relays: readonly RelayStatus[];
  views?: readonly ViewsStatus[];
}): ReadinessVerdict {
  const down: string[] = [];
  const degraded: string[] = [];
  for (const dependency of parts.dependencies) {
    if (!dependency.up) down.push(`${dependency.name} does not answer: ${dependency.error ?? 'unknown error'}`);
    else if (dependency.slow === true) degraded.push(`${dependency.name} is slow: ${dependency.error ?? 'late'}`);
  }
  for (const consumer of parts.consumers) {
    const name = `consumer ${consumer.groupId}`;
    switch (consumer.state) {
      case 'consuming':
        break;
      case 'idle':
        degraded.push(`${name} has not started`);
        break;
      case 'joining':
        degraded.push(`${name} is joining its group`);
        break;
      case 'stalled':
        degraded.push(`${name} is stalled: ${consumer.stalledReason ?? 'no reason given'}`);
        break;
      case 'stopping':
      case 'stopped':
        down.push(`${name} is ${consumer.state}`);
        break;
      case 'failed':
        down.push(`${name} failed: ${consumer.lastError ?? 'unknown error'}`);
        break;
    }
  }
  for (const relay of parts.relays) {
    const name = `relay ${relay.service}`;
    const behind = relay.lag === null ? '' : `; ${relay.lag} events not yet published`;
    switch (relay.state) {
      case 'publishing':
      case 'waiting-for-lock':
        break;
      case 'idle':
        degraded.push(`${name} has not started`);
        break;
      case 'connecting':
        degraded.push(`${name} is connecting to the broker${behind}`);
        break;
      case 'retrying':
        degraded.push(`${name} cannot publish: ${relay.lastError ?? 'unknown error'}${behind}`);
        break;
      case 'stopped':
        down.push(`${name} is stopped`);
        break;
      case 'failed':
        down.push(`${name} failed: ${relay.lastError ?? 'unknown error'}`);
        break;
    }
  }
  for (const relay of parts.relays) {
    if (relay.parked > 0) {
      degraded.push(
        `relay ${relay.service} parked ${relay.parked} stored events it cannot publish (salesos.dlq.relay.${relay.service})`,
      );
    }
  }
  for (const views of parts.views ?? []) {
    const name = `views ${views.name}`;
    switch (views.state) {
      case 'live':
      case 'standby':
        break;
      case 'stopped':
        down.push(`${name} are stopped`);
        break;
      case 'retrying':
        degraded.push(`${name} cannot be kept: ${views.lastError ?? 'unknown error'}`);
        break;
      default:
        degraded.push(`${name} are ${views.state} (at ${views.checkpoint})`);
    }
    if (views.parked > 0) degraded.push(`${name} parked ${views.parked} stored events no projection could take`);
  }
  if (down.length > 0) return { status: 'down', reasons: [...down, ...degraded] };
  return { status: degraded.length > 0 ? 'degraded' : 'up', reasons: degraded };
}
