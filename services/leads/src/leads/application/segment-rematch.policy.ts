import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { EventStore, RecordedEvent, Subscription } from '@salesos/event-store';
import type { RequestContext } from '@salesos/http';
import type { MessagingLogger } from '@salesos/messaging';
import { EVENT_STORE, LEADS_LOGGER } from '../../core/leads-service.tokens';
import { ServiceViews } from '@salesos/projections';
import { ActiveSegments, segmentCategory } from '../../segments';
import { LeadError } from '../domain/lead.errors';
import { LeadDirectory } from './lead-directory.port';
import { RematchLeadSegmentsHandler } from './rematch-lead-segments.handler';
import { scoringRulesCategory } from './scoring-rule-streams';

export const segmentRematchSubscription = 'leads.segment-rematch';
const restartDelayMs = 1_000;
/** What the policy follows: segment changes rematch the open leads, scoring rule changes score them again. */
const followed = [segmentCategory, scoringRulesCategory];

/**
 * When a segment is defined, revised or retired, matches the division's open leads again; when the division's scoring
 * rules change, scores them again. It follows the segment and scoring rule streams from a stored checkpoint, so a restart resumes where it stopped; each rematch is keyed by the segment
 * event, so handling an event twice changes nothing the second time.
 */
@Injectable()
export class SegmentRematchPolicy implements OnApplicationBootstrap, OnApplicationShutdown {
  private subscription: Subscription | undefined;
  private stopping = false;
  private restartTimer: NodeJS.Timeout | undefined;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(LeadDirectory) private readonly directory: LeadDirectory,
    @Inject(ActiveSegments) private readonly segments: ActiveSegments,
    @Inject(RematchLeadSegmentsHandler) private readonly rematch: RematchLeadSegmentsHandler,
    @Inject(LEADS_LOGGER) private readonly logger: MessagingLogger,
    @Inject(ServiceViews) private readonly views: ServiceViews,
  ) {}

  onApplicationBootstrap(): void {
    this.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.stop();
  }

  start(): void {
    this.stopping = false;
    const subscription = this.store.subscribe({
      subscriptionId: segmentRematchSubscription,
      start: { fromCheckpoint: true },
      storeCheckpoints: true,
      filter: { categories: followed },
      batchSize: 100,
      handler: (event) => this.rematchFor(event),
    });
    this.subscription = subscription;
    // Another replica may own the checkpoint for a while; rematches are idempotent, so trying again is safe.
    subscription.closed.catch((error: unknown) => {
      if (this.stopping) return;
      this.logger.warn('segment rematch stopped; restarting', { error: String(error) });
      this.restartTimer = setTimeout(() => this.start(), restartDelayMs);
    });
  }

  /** Resolves once every segment change recorded so far has been applied to the leads. */
  async settled(): Promise<void> {
    const subscription = this.subscription;
    if (subscription === undefined) return;
    await subscription.caughtUp;
    for (;;) {
      const ahead = await this.store.readAll({
        after: subscription.position,
        filter: { categories: followed },
        maxCount: 1,
      });
      if ((ahead.events.length === 0 && ahead.isEnd) || this.stopping) return;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  async stop(): Promise<void> {
    this.stopping = true;
    if (this.restartTimer) clearTimeout(this.restartTimer);
    await this.subscription?.stop();
  }

  private async rematchFor(event: RecordedEvent): Promise<void> {
    const divisionId = event.metadata.divisionId;
    if (divisionId === undefined) return;
    // Match against the segments as this event left them: the views must have taken it first.
    await this.views.caughtUpWith([event]);
    const context: RequestContext = {
      divisionId,
      actor: { userId: 'salesos:segment-rematch', roles: ['system'] },
      idempotencyKey: `segment-rematch.${event.metadata.eventId}`,
      correlationId: event.metadata.correlationId ?? event.metadata.eventId,
    };
    // New scoring rules may move any open lead's score; a segment change only those whose segments move.
    const rescoring = event.metadata.streamId.startsWith(`${scoringRulesCategory}-`);
    let rematched = 0;
    for (const lead of await this.directory.openProfiles(divisionId)) {
      const now = await this.segments.matching(divisionId, lead.profile);
      const same = now.length === lead.segmentIds.length && now.every((id) => lead.segmentIds.includes(id));
      if (same && !rescoring) continue;
      try {
        await this.rematch.execute(lead.leadId, context);
        rematched += 1;
      } catch (error) {
        // The lead closed in between: nothing to match any more.
        if (!(error instanceof LeadError)) throw error;
      }
    }
    if (rematched > 0) {
      this.logger.info('leads rematched to segments', { divisionId, rematched, segmentEvent: event.type });
    }
  }
}
