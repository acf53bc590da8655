import { Injectable } from '@nestjs/common';
import type { RecordedEvent } from '@salesos/event-store';
import type { Page } from '@salesos/http';
import type { LeadProfile } from '../../core/domain/target-audience';
import { ServiceViews, type StreamView } from '../../core/views-feeder';
import {
  LeadDirectory,
  type LeadFilter,
  type LeadSummary,
  type OpenLeadProfile,
} from '../application/lead-directory.port';
import { type DuplicateKeys, type DuplicateMatch, duplicateKeys, findDuplicates } from '../domain/duplicate-detection';
import { normalizeCompanyName } from '../../core/domain/company-name';
import type { LeadStatus } from '../domain/lead.decider';
import type { LeadDetailsChanges, LeadEvent } from '../domain/lead.events';

interface Entry {
  summary: LeadSummary;
  keys: DuplicateKeys;
  email?: string;
  phone?: string;
  profile: LeadProfile;
}

const openStatuses: readonly LeadStatus[] = ['new', 'nurturing', 'qualified'];

/**
 * The leads service's own view of its leads: duplicate lookup, filters and rep load. Kept in memory and fed from
 * the service's streams; applying an event twice, or an older one, changes nothing.
 */
@Injectable()
export class InMemoryLeadDirectory extends LeadDirectory implements StreamView {
  readonly categories = ['lead'];
  private readonly leads = new Map<string, Entry>();
  /** Leads each assignment rule has handed out, per division: the round-robin turn. */
  private readonly byRule = new Map<string, Record<string, number>>();
  /** Lead ids per division: lookups stay within one division however many the platform holds. */
  private readonly byDivision = new Map<string, Set<string>>();
  /** Open leads per division and rep: the load least-loaded assignment compares. */
  private readonly openByRep = new Map<string, Map<string, number>>();
  /** Lead ids per division and duplicate key (`email:…`, `phone:…`, `company:…`): a capture looks up, not scans. */
  private readonly byKey = new Map<string, Set<string>>();

  constructor(views: ServiceViews) {
    super();
    views.register(this);
  }

  private keyEntries(divisionId: string, keys: DuplicateKeys): string[] {
    return (['email', 'phone', 'company'] as const)
      .filter((key) => keys[key] !== undefined)
      .map((key) => `${divisionId}\u0000${key}:${keys[key] as string}`);
  }

  private index(entry: Entry, add: boolean): void {
    for (const key of this.keyEntries(entry.summary.divisionId, entry.keys)) {
      const ids = this.byKey.get(key) ?? new Set<string>();
      if (add) ids.add(entry.summary.leadId);
      else ids.delete(entry.summary.leadId);
      if (ids.size === 0) this.byKey.delete(key);
      else this.byKey.set(key, ids);
    }
  }

  private inDivision(divisionId: string): Entry[] {
    return [...(this.byDivision.get(divisionId) ?? [])].map((leadId) => this.leads.get(leadId) as Entry);
  }

  apply(event: RecordedEvent): void {
    if (!event.metadata.streamId.startsWith('lead-')) return;
    const leadEvent = event as unknown as LeadEvent;
    const version = event.metadata.streamVersion;
    if (leadEvent.type === 'LeadCaptured') {
      if (this.leads.has(leadEvent.data.leadId)) return;
      const { data } = leadEvent;
      const members = this.byDivision.get(data.divisionId) ?? new Set<string>();
      members.add(data.leadId);
      this.byDivision.set(data.divisionId, members);
      const entry: Entry = {
        keys: duplicateKeys({ email: data.contact.email, phone: data.contact.phone, companyName: data.company.name }),
        ...(data.contact.email ? { email: data.contact.email } : {}),
        ...(data.contact.phone ? { phone: data.contact.phone } : {}),
        profile: {
          ...(data.company.industry ? { industry: data.company.industry } : {}),
          ...(data.company.sizeBand ? { sizeBand: data.company.sizeBand } : {}),
          ...(data.estimatedValue ? { estimatedValue: data.estimatedValue } : {}),
          ...(data.territory ? { territory: data.territory } : {}),
          needTags: data.needTags,
        },
        summary: {
          leadId: data.leadId,
          divisionId: data.divisionId,
          status: 'new',
          source: data.source,
          companyName: data.company.name,
          contactName: data.contact.name,
          ...(data.territory ? { territory: data.territory } : {}),
          score: 0,
          segmentIds: data.segmentIds,
          capturedAt: data.capturedAt,
          version,
        },
      };
      this.leads.set(data.leadId, entry);
      this.index(entry, true);
      return;
    }
    const entry = this.leads.get(leadEvent.data.leadId);
    if (entry === undefined || version <= entry.summary.version) return;
    if (leadEvent.type === 'LeadAssigned' && leadEvent.data.rule.ruleId !== undefined) {
      const counts = this.byRule.get(entry.summary.divisionId) ?? {};
      counts[leadEvent.data.rule.ruleId] = (counts[leadEvent.data.rule.ruleId] ?? 0) + 1;
      this.byRule.set(entry.summary.divisionId, counts);
    }
    if (leadEvent.type === 'LeadDetailsRevised') this.revise(entry, leadEvent.data.changes);
    this.countOpen(entry.summary, -1);
    entry.summary = { ...entry.summary, ...this.change(leadEvent), version };
    this.countOpen(entry.summary, 1);
  }

  /** Keeps each rep's open leads counted as leads change hands and status, so least-loaded never scans. */
  private countOpen(summary: LeadSummary, delta: 1 | -1): void {
    if (summary.ownerRepId === undefined || !openStatuses.includes(summary.status)) return;
    const counts = this.openByRep.get(summary.divisionId) ?? new Map<string, number>();
    const next = (counts.get(summary.ownerRepId) ?? 0) + delta;
    if (next === 0) counts.delete(summary.ownerRepId);
    else counts.set(summary.ownerRepId, next);
    this.openByRep.set(summary.divisionId, counts);
  }

  private revise(entry: Entry, changes: LeadDetailsChanges): void {
    if (changes.contact?.email !== undefined) entry.email = changes.contact.email;
    if (changes.contact?.phone !== undefined) entry.phone = changes.contact.phone;
    this.index(entry, false);
    entry.keys = duplicateKeys({ email: entry.email, phone: entry.phone, companyName: entry.summary.companyName });
    this.index(entry, true);
    entry.profile = {
      ...entry.profile,
      ...(changes.company?.industry !== undefined ? { industry: changes.company.industry } : {}),
      ...(changes.company?.sizeBand !== undefined ? { sizeBand: changes.company.sizeBand } : {}),
      ...(changes.estimatedValue !== undefined ? { estimatedValue: changes.estimatedValue } : {}),
      ...(changes.territory !== undefined ? { territory: changes.territory } : {}),
      ...(changes.needTags !== undefined ? { needTags: changes.needTags } : {}),
    };
  }

  private change(event: LeadEvent): Partial<LeadSummary> {
    switch (event.type) {
      case 'LeadCaptured':
        return {};
      case 'LeadDetailsRevised':
        return {
          ...(event.data.changes.contact?.name !== undefined ? { contactName: event.data.changes.contact.name } : {}),
          ...(event.data.changes.territory !== undefined ? { territory: event.data.changes.territory } : {}),
        };
      case 'LeadScored':
        return { score: event.data.score };
      case 'LeadSegmentsMatched':
        return { segmentIds: event.data.segmentIds };
      case 'LeadQualified':
        return { status: 'qualified' };
      case 'LeadDisqualified':
        return { status: 'disqualified' };
      case 'LeadNurtured':
        return { status: 'nurturing' };
      case 'LeadAssigned':
        return { ownerRepId: event.data.repId, teamId: event.data.rule.teamId };
      case 'LeadConverted':
        return { status: 'converted' };
      case 'LeadMerged':
        return { status: 'merged' };
    }
  }

  duplicatesOf(divisionId: string, keys: DuplicateKeys, exceptLeadId?: string): Promise<DuplicateMatch[]> {
    const ids = new Set(this.keyEntries(divisionId, keys).flatMap((key) => [...(this.byKey.get(key) ?? [])]));
    const candidates = [...ids]
      .map((leadId) => this.leads.get(leadId) as Entry)
      .filter(({ summary }) => summary.status !== 'merged' && summary.leadId !== exceptLeadId)
      .sort((a, b) => a.summary.capturedAt.localeCompare(b.summary.capturedAt))
      .map(({ summary, keys: leadKeys }) => ({ leadId: summary.leadId, keys: leadKeys }));
    return Promise.resolve(findDuplicates(keys, candidates));
  }

  find(filter: LeadFilter, offset: number, limit: number): Promise<Page<LeadSummary>> {
    const matching = this.inDivision(filter.divisionId)
      .map((entry) => entry.summary)
      .filter(
        (lead) =>
          (filter.reached === undefined || filter.reached(lead)) &&
          (filter.status === undefined || lead.status === filter.status) &&
          (filter.ownerRepId === undefined || lead.ownerRepId === filter.ownerRepId) &&
          (filter.source === undefined || lead.source === filter.source) &&
          (filter.segmentId === undefined || lead.segmentIds.includes(filter.segmentId)),
      )
      .sort((a, b) =>
        a.capturedAt === b.capturedAt ? a.leadId.localeCompare(b.leadId) : b.capturedAt.localeCompare(a.capturedAt),
      );
    return Promise.resolve({ items: matching.slice(offset, offset + limit), total: matching.length });
  }

  openProfiles(divisionId: string): Promise<OpenLeadProfile[]> {
    return Promise.resolve(
      this.inDivision(divisionId)
        .filter(({ summary }) => openStatuses.includes(summary.status))
        .map(({ summary, profile }) => ({ leadId: summary.leadId, segmentIds: summary.segmentIds, profile })),
    );
  }

  assignmentsByRule(divisionId: string): Promise<Record<string, number>> {
    return Promise.resolve({ ...(this.byRule.get(divisionId) ?? {}) });
  }

  openLeadsByRep(divisionId: string): Promise<Record<string, number>> {
    return Promise.resolve(Object.fromEntries(this.openByRep.get(divisionId) ?? []));
  }

  openLeadsOfCompany(divisionId: string, companyName: string): Promise<string[]> {
    const company = normalizeCompanyName(companyName);
    return Promise.resolve(
      this.inDivision(divisionId)
        .filter(({ summary }) => openStatuses.includes(summary.status))
        .filter(({ summary }) => normalizeCompanyName(summary.companyName) === company)
        .map(({ summary }) => summary.leadId)
        .sort(),
    );
  }
}
