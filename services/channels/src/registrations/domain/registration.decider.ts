import type { CommandMetadata, Decider } from '@salesos/event-sourcing';
import { checkLapseAfterDays, lapseDueFrom } from './registration-lapse';
import type { RegistrationAnswer, RegistrationCommand, SubmitRegistration } from './registration.commands';
import { RegistrationError, RegistrationErrorCode } from './registration.errors';
import { type RegistrationEvent, registrationEvents } from './registration.events';
import type { Registration, RegistrationState } from './registration.state';

export type { Registration, RegistrationState } from './registration.state';

/** Why each state refuses what only an accepted registration may do. */
const becauseOf: Record<Exclude<Registration['status'], 'accepted'>, string> = {
  submitted: 'the leads service has not answered it yet',
  conflicted: 'another holder came first, so the dealer does not hold the deal',
  lapsed: 'a lapsed registration is final',
  won: 'a won registration is final',
  lost: 'a lost registration is final',
};

function existing(state: RegistrationState, metadata: CommandMetadata): Registration {
  const division = metadata.divisionId;
  if (state.status === 'none' || (division !== undefined && division !== state.divisionId)) {
    throw new RegistrationError(RegistrationErrorCode.NotFound, 'No deal registration with this id in your division');
  }
  return state;
}

/** Only an accepted registration progresses, lapses or closes; any other state is named in the refusal. */
function accepted(registration: Registration, action: string): void {
  if (registration.status !== 'accepted') {
    throw new RegistrationError(
      RegistrationErrorCode.WrongState,
      `Registration ${registration.registrationId} is ${registration.status} and cannot ${action}: ${becauseOf[registration.status]}`,
    );
  }
}

/** A registration is about one deal: once it is tied to one, another deal's news is not its news. */
function tiedTo(registration: Registration, opportunityId: string): void {
  if (registration.opportunityId !== undefined && registration.opportunityId !== opportunityId) {
    throw new RegistrationError(
      RegistrationErrorCode.OtherOpportunity,
      `Registration ${registration.registrationId} is tied to opportunity ${registration.opportunityId}, not ${opportunityId}`,
      'opportunityId',
    );
  }
}

/** Business times given in the command may not lie ahead of the command itself. */
function notAhead(at: string, now: string, field: string): void {
  if (Date.parse(at) > Date.parse(now)) {
    throw new RegistrationError(RegistrationErrorCode.InvalidInput, `${field} ${at} lies after now (${now})`, field);
  }
}

const submission = (data: SubmitRegistration['data'] | Registration): string =>
  JSON.stringify([
    data.registrationId,
    data.divisionId,
    data.dealerId,
    data.companyName,
    data.contactEmail,
    data.productGroup,
    data.estimatedValue,
    data.submittedBy,
  ]);

/** What an answer says, apart from when it was decided: a redelivered answer is the same answer. */
const saying = (answer: RegistrationAnswer): string =>
  answer.answer === 'accepted'
    ? JSON.stringify([answer.answer, answer.rule, answer.leadId, answer.opportunityId, answer.expiresOn])
    : JSON.stringify([
        answer.answer,
        answer.rule,
        [...answer.conflictingLeadIds].sort(),
        [...answer.conflictingOpportunityIds].sort(),
      ]);

/**
 * A dealer's deal registration: submitted here, answered by the leads service (first come), then held while the deal
 * progresses, until it is won, lost, or lapses after a configurable number of days without progress.
 */
export const registrationDecider: Decider<RegistrationState, RegistrationCommand, RegistrationEvent> = {
  events: registrationEvents,
  initialState: () => ({ status: 'none' }),

  decide(command, state): RegistrationEvent[] {
    const now = command.metadata.now;
    if (command.type === 'SubmitRegistration') {
      if (state.status !== 'none') {
        if (submission(command.data) === submission(state)) return [];
        throw new RegistrationError(
          RegistrationErrorCode.AlreadyExists,
          `Registration ${state.registrationId} exists already, with other details, and is ${state.status}`,
        );
      }
      return [{ type: 'RegistrationSubmitted', data: { ...command.data, submittedAt: now } }];
    }
    const registration = existing(state, command.metadata);
    const ids = {
      registrationId: registration.registrationId,
      divisionId: registration.divisionId,
      dealerId: registration.dealerId,
    };
    switch (command.type) {
      case 'RecordRegistrationAnswer': {
        const answer = command.data;
        if (registration.answer !== undefined) {
          if (saying(registration.answer) === saying(answer)) return [];
          throw new RegistrationError(
            RegistrationErrorCode.AlreadyAnswered,
            `Registration ${registration.registrationId} is ${registration.status}: the leads service answered ${registration.answer.answer} already`,
          );
        }
        if (answer.answer === 'accepted') {
          const { answer: _answer, ...accepted } = answer;
          return [{ type: 'RegistrationAccepted', data: { ...ids, ...accepted, recordedAt: now } }];
        }
        const { answer: _answer, ...conflicted } = answer;
        return [{ type: 'RegistrationConflicted', data: { ...ids, ...conflicted, recordedAt: now } }];
      }
      case 'RecordRegistrationProgress': {
        const { opportunityId, stage, at } = command.data;
        notAhead(at, now, 'at');
        accepted(registration, 'progress');
        tiedTo(registration, opportunityId);
        // News no later than the last activity cannot restart the clock: a redelivery, or older than what is known.
        if (Date.parse(at) <= Date.parse(registration.lastActivityAt)) return [];
        return [{ type: 'RegistrationProgressed', data: { ...ids, opportunityId, stage, progressedAt: at } }];
      }
      case 'LapseRegistration': {
        const { at, lapseAfterDays } = command.data;
        checkLapseAfterDays(lapseAfterDays);
        notAhead(at, now, 'at');
        // The timer fires once, but a repeat after a restart is harmless.
        if (registration.status === 'lapsed') return [];
        accepted(registration, 'lapse');
        const { lastActivityAt } = registration;
        const dueAt = lapseDueFrom(lastActivityAt, lapseAfterDays);
        if (Date.parse(at) < Date.parse(dueAt)) {
          throw new RegistrationError(
            RegistrationErrorCode.LapseNotDue,
            `Registration ${registration.registrationId} lapses no earlier than ${dueAt}, ${lapseAfterDays} days after its last activity (${lastActivityAt})`,
          );
        }
        return [{ type: 'RegistrationLapsed', data: { ...ids, lapseAfterDays, lastActivityAt, dueAt, lapsedAt: at } }];
      }
      case 'RecordRegistrationOutcome': {
        const { outcome, opportunityId } = command.data;
        const at = command.data.at ?? now;
        notAhead(at, now, 'at');
        if (registration.status === outcome && registration.opportunityId === opportunityId) return [];
        accepted(registration, `be recorded ${outcome}`);
        tiedTo(registration, opportunityId);
        return outcome === 'won'
          ? [{ type: 'RegistrationWon', data: { ...ids, opportunityId, wonAt: at } }]
          : [{ type: 'RegistrationLost', data: { ...ids, opportunityId, lostAt: at } }];
      }
    }
  },

  evolve(state, event): RegistrationState {
    if (event.type === 'RegistrationSubmitted') {
      return { status: 'submitted', ...event.data, lastActivityAt: event.data.submittedAt };
    }
    if (state.status === 'none') return state;
    switch (event.type) {
      case 'RegistrationAccepted': {
        const { registrationId: _r, divisionId: _d, dealerId: _e, recordedAt: _at, ...answer } = event.data;
        return {
          ...state,
          status: 'accepted',
          answer: { answer: 'accepted', ...answer },
          ...(answer.leadId === undefined ? {} : { leadId: answer.leadId }),
          ...(answer.opportunityId === undefined ? {} : { opportunityId: answer.opportunityId }),
          ...(answer.expiresOn === undefined ? {} : { expiresOn: answer.expiresOn }),
          lastActivityAt: answer.decidedAt,
        };
      }
      case 'RegistrationConflicted': {
        const { registrationId: _r, divisionId: _d, dealerId: _e, recordedAt: _at, ...answer } = event.data;
        return { ...state, status: 'conflicted', answer: { answer: 'conflicted', ...answer } };
      }
      case 'RegistrationProgressed':
        return {
          ...state,
          opportunityId: event.data.opportunityId,
          stage: event.data.stage,
          lastActivityAt: event.data.progressedAt,
        };
      case 'RegistrationLapsed':
        return { ...state, status: 'lapsed', closedAt: event.data.lapsedAt };
      case 'RegistrationWon':
        return { ...state, status: 'won', opportunityId: event.data.opportunityId, closedAt: event.data.wonAt };
      case 'RegistrationLost':
        return { ...state, status: 'lost', opportunityId: event.data.opportunityId, closedAt: event.data.lostAt };
    }
  },
};
