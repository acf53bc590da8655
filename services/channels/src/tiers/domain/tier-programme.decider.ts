import type { Command, Decider } from '@salesos/event-sourcing';
import { TierError, TierErrorCode } from './tier.errors';
import { type TierProgrammeDefinition, type TierProgrammeEvent, tierProgrammeEvents } from './tier-programme.events';

export type DefineTierProgramme = Command<'DefineTierProgramme', TierProgrammeDefinition>;

export type TierProgramme = TierProgrammeDefinition & { status: 'defined' };
export type TierProgrammeState = { status: 'none' } | TierProgramme;

const invalid = (field: string, message: string): TierError =>
  new TierError(TierErrorCode.InvalidInput, message, field);

/**
 * A ladder that holds together: tiers once each, revenue in one currency, and each tier asking at least what the one
 * below asks, so that a dealer who qualifies for a tier qualifies for every tier under it.
 */
export function checkProgramme(programme: TierProgrammeDefinition): void {
  if (programme.tiers.length === 0) throw invalid('tiers', 'A programme needs at least one tier');
  const ids = programme.tiers.map((tier) => tier.tierId);
  const repeatedAt = ids.findIndex((id, index) => ids.indexOf(id) !== index);
  if (repeatedAt !== -1) throw invalid(`tiers[${repeatedAt}].tierId`, `lists '${ids[repeatedAt]}' a second time`);
  const currency = programme.tiers[0]?.criteria.minRevenueLast12Months.currency;
  for (const [at, { criteria }] of programme.tiers.entries()) {
    const field = `tiers[${at}].criteria`;
    const revenue = criteria.minRevenueLast12Months;
    if (revenue.currency !== currency) {
      throw invalid(
        `${field}.minRevenueLast12Months.currency`,
        `Every tier's revenue is in one currency (${currency})`,
      );
    }
    if (!Number.isFinite(revenue.amount) || revenue.amount < 0) {
      throw invalid(`${field}.minRevenueLast12Months.amount`, 'A revenue threshold is an amount of at least 0');
    }
    if (!Number.isInteger(criteria.minCertifiedPeople) || criteria.minCertifiedPeople < 0) {
      throw invalid(`${field}.minCertifiedPeople`, 'Certified people are a whole number of at least 0');
    }
    const winRate = criteria.minRegistrationWinRate;
    if (!Number.isFinite(winRate) || winRate < 0 || winRate > 1) {
      throw invalid(`${field}.minRegistrationWinRate`, 'A win rate is a share from 0 to 1');
    }
    const below = programme.tiers[at - 1];
    if (below === undefined) continue;
    const lower: Array<[keyof typeof criteria, boolean]> = [
      ['minRevenueLast12Months', revenue.amount < below.criteria.minRevenueLast12Months.amount],
      ['minCertifiedPeople', criteria.minCertifiedPeople < below.criteria.minCertifiedPeople],
      ['minRegistrationWinRate', winRate < below.criteria.minRegistrationWinRate],
    ];
    const easier = lower.find(([, isLower]) => isLower);
    if (easier !== undefined) {
      throw invalid(
        `${field}.${easier[0]}`,
        `A higher tier asks at least what the tier below ('${below.tierId}') asks; tiers are listed lowest first`,
      );
    }
  }
}

const same = (a: TierProgrammeDefinition, b: TierProgrammeDefinition): boolean =>
  JSON.stringify([a.divisionId, a.name, a.tiers]) === JSON.stringify([b.divisionId, b.name, b.tiers]);

/** A division's tier programme: its ladder of tiers with their criteria, replaced as a whole when redefined. */
export const tierProgrammeDecider: Decider<TierProgrammeState, DefineTierProgramme, TierProgrammeEvent> = {
  events: tierProgrammeEvents,
  initialState: () => ({ status: 'none' }),

  decide(command, state) {
    const division = command.metadata.divisionId;
    if (state.status !== 'none' && division !== undefined && division !== state.divisionId) {
      throw new TierError(TierErrorCode.NotFound, 'No tier programme with this id in your division');
    }
    if (state.status !== 'none' && command.data.divisionId !== state.divisionId) {
      throw invalid('divisionId', `Programme ${state.programmeId} belongs to division ${state.divisionId}`);
    }
    checkProgramme(command.data);
    if (state.status !== 'none' && same(state, command.data)) return [];
    return [{ type: 'TierProgrammeDefined', data: { ...command.data, definedAt: command.metadata.now } }];
  },

  evolve(_state, event) {
    const { definedAt: _definedAt, ...programme } = event.data;
    return { status: 'defined', ...programme };
  },
};
