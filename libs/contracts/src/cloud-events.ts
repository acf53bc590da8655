import type { IntegrationEvent } from './integration-event';

/** A Kafka record in CloudEvents binary mode: attributes in `ce_` headers, the payload as the value. */
export interface EventRecord {
  key: string;
  value: string;
  headers: Record<string, string>;
}

export const contentType = 'application/json';

const requiredHeaders = ['ce_specversion', 'ce_id', 'ce_type', 'ce_source', 'ce_time', 'ce_subject'] as const;

export function toEventRecord(event: IntegrationEvent): EventRecord {
  const headers: Record<string, string> = {
    ce_specversion: '1.0',
    ce_id: event.id,
    ce_type: event.type,
    ce_source: event.source,
    ce_time: event.time,
    ce_subject: event.subject,
    'content-type': contentType,
  };
  if (event.correlationId !== undefined) headers.ce_correlationid = event.correlationId;
  if (event.causationId !== undefined) headers.ce_causationid = event.causationId;
  if (event.divisionId !== undefined) headers.ce_divisionid = event.divisionId;
  return { key: event.subject, value: JSON.stringify(event.data), headers };
}

export type DecodedRecord = { ok: true; event: IntegrationEvent } | { ok: false; reason: string };

/** Reads a record back; a missing attribute or a value that is not JSON is reported, not thrown. */
export function fromEventRecord(record: {
  value: string | Buffer | null;
  headers: Record<string, string | Buffer | undefined>;
}): DecodedRecord {
  const headers: Record<string, string> = {};
  for (const name in record.headers) {
    const value = record.headers[name];
    if (value !== undefined) headers[name] = typeof value === 'string' ? value : value.toString();
  }
  const missing = requiredHeaders.filter((name) => headers[name] === undefined);
  if (missing.length > 0) return { ok: false, reason: `missing CloudEvents headers: ${missing.join(', ')}` };
  if (headers.ce_specversion !== '1.0') {
    return { ok: false, reason: `unsupported ce_specversion '${headers.ce_specversion}'` };
  }
  const type = headers['content-type'];
  if (type !== undefined && type !== contentType) return { ok: false, reason: `unsupported content-type '${type}'` };
  if (record.value === null) return { ok: false, reason: 'the record has no value' };
  let data: unknown;
  try {
    data = JSON.parse(typeof record.value === 'string' ? record.value : record.value.toString());
  } catch (error) {
    return { ok: false, reason: `the value is not JSON: ${(error as Error).message}` };
  }
  const event: IntegrationEvent = {
    id: headers.ce_id as string,
    type: headers.ce_type as string,
    source: headers.ce_source as string,
    subject: headers.ce_subject as string,
    time: headers.ce_time as string,
    data,
  };
  if (headers.ce_correlationid !== undefined) event.correlationId = headers.ce_correlationid;
  if (headers.ce_causationid !== undefined) event.causationId = headers.ce_causationid;
  if (headers.ce_divisionid !== undefined) event.divisionId = headers.ce_divisionid;
  return { ok: true, event };
}
