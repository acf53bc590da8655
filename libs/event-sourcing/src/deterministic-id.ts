import { hash } from 'node:crypto';

/** A name-based UUID (RFC 9562 version 5 layout): the same name always gives the same id. */
export function deterministicUuid(name: string): string {
  const bytes = hash('sha1', name, 'buffer').subarray(0, 16);
  bytes[6] = ((bytes[6] as number) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] as number) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The same command id and index always give the same event id, so a retried command is recognised by the store
 * instead of being written twice.
 */
export function deterministicEventId(commandId: string, index: number): string {
  return deterministicUuid(`salesos:event:${commandId}:${index}`);
}
