import type { EventStore } from '@salesos/event-store';
import type { Clock, IdGenerator, RequestContext } from '@salesos/http';
import type { LeadCommands, LeadResult } from '../../leads/application/lead-commands.service';
import type { Lead } from '../../leads/domain/lead.decider';
import type { AssignmentRuleFired } from '../../leads/domain/lead.events';
import type { LeadDirectory } from '../../leads/projections/lead-directory';
import { CommandRunner } from '../../shared/command-runner';
import {
  type AssignmentRulesSet,
  assignmentRuleSetDecider,
  type AssignmentRuleSetState,
  type SetAssignmentRules,
} from '../domain/assignment-rule-set.decider';
import { type AssignmentRule, chooseAssignee } from '../domain/assignment-rules';
import type { AssignmentRuleBook } from './assignment-rule-book';

export interface CapturedAssignment {
  version: number;
  repId: string;
  rule: AssignmentRuleFired;
}

/** Keeps each division's rules, and assigns a newly captured lead by the first rule that applies. */
export class AssignmentService {
  private readonly runner: CommandRunner<AssignmentRuleSetState, SetAssignmentRules, AssignmentRulesSet>;

  constructor(
    private readonly store: EventStore,
    private readonly book: AssignmentRuleBook,
    private readonly directory: LeadDirectory,
    private readonly leads: LeadCommands,
    clock: Clock,
    ids: IdGenerator,
  ) {
    this.runner = new CommandRunner(store, assignmentRuleSetDecider, 'assignmentrules', clock, ids, (event) =>
      book.apply(event),
    );
  }

  rulesOf(divisionId: string): AssignmentRule[] {
    return this.book.rulesOf(divisionId);
  }

  setRules(rules: AssignmentRule[], context: RequestContext, expectedVersion?: number) {
    return this.runner.run(context.divisionId, context, expectedVersion, {
      type: 'SetAssignmentRules',
      data: { divisionId: context.divisionId, rules },
    });
  }

  /** The assignment a repeated capture made the first time, so the repeat answers alike. */
  async firstAssignment(leadId: string, context: RequestContext): Promise<CapturedAssignment | undefined> {
    if (context.idempotencyKey === undefined) return undefined;
    const commandId = this.leads.runner.metadata(context, 'AssignLead', leadId).commandId;
    const event = (await this.store.readStream(`lead-${leadId}`)).find(
      (candidate) => candidate.metadata.commandId === commandId,
    );
    if (event === undefined || event.type !== 'LeadAssigned') return undefined;
    const data = event.data as { repId: string; rule: AssignmentRuleFired };
    return { version: event.metadata.streamVersion, repId: data.repId, rule: data.rule };
  }

  /**
   * Assigns a just-captured lead by the division's rules. A repeated capture answers with the assignment the first
   * one made, so a retried request or import row reads alike.
   */
  async assignCaptured(
    captured: LeadResult,
    territory: string | undefined,
    context: RequestContext,
  ): Promise<CapturedAssignment | undefined> {
    const leadId = captured.streamId.slice('lead-'.length);
    if (captured.repeated) return this.firstAssignment(leadId, context);
    if (captured.state.status === 'none') return undefined;
    // The rules route the lead the caller has just captured, though nobody owns it yet: the routing is the
    // platform's act, recorded under the caller's name, so the caller's reach does not apply to it.
    const { principal: _caller, ...routing } = context;
    const assigned = await this.autoAssign(captured.state, territory, routing);
    const event = assigned?.events.find((candidate) => candidate.type === 'LeadAssigned');
    return assigned && event?.type === 'LeadAssigned'
      ? { version: assigned.version, repId: event.data.repId, rule: event.data.rule }
      : undefined;
  }

  /** Assigns a lead nobody owns yet; answers undefined when no rule applies. */
  async autoAssign(
    lead: Lead,
    territory: string | undefined,
    context: RequestContext,
  ): Promise<LeadResult | undefined> {
    const rules = this.book.rulesOf(context.divisionId);
    if (lead.ownerRepId !== undefined || rules.length === 0) return undefined;
    const decision = chooseAssignee(rules, {
      ...(territory === undefined ? {} : { territory }),
      segmentIds: lead.segmentIds,
      openLeadsByRep: this.directory.openLeadsByRep(context.divisionId),
      roundRobinTurns: this.directory.assignmentsByRule(context.divisionId),
    });
    if (decision === undefined) return undefined;
    return this.leads.assignBy(lead.leadId, decision.repId, decision.rule, context);
  }
}
