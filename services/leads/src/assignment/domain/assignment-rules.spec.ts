import fc from 'fast-check';
import { type AssignmentRule, chooseAssignee } from './assignment-rules';

const context = { segmentIds: ['seg-smb'], territory: 'berlin', openLeadsByRep: {}, roundRobinTurns: {} };

describe('assignment rules', () => {
  it('take the first rule that applies and say which fired', () => {
    const rules: AssignmentRule[] = [
      { kind: 'territory-segment', ruleId: 'r1', territory: 'munich', repId: 'rep-m' },
      { kind: 'territory-segment', ruleId: 'r2', territory: 'berlin', segmentId: 'seg-smb', repId: 'rep-b' },
      { kind: 'round-robin', ruleId: 'r3', teamId: 'team-1', repIds: ['rep-x'] },
    ];
    expect(chooseAssignee(rules, context)).toEqual({
      repId: 'rep-b',
      rule: { kind: 'territory-segment', ruleId: 'r2', detail: 'territory berlin, segment seg-smb' },
    });
    expect(chooseAssignee(rules, { ...context, territory: 'hamburg' })?.rule).toEqual({
      kind: 'round-robin',
      ruleId: 'r3',
      teamId: 'team-1',
      detail: 'round robin in team team-1, turn 1',
    });
  });

  it('answer nothing when no rule applies', () => {
    expect(chooseAssignee([{ kind: 'round-robin', ruleId: 'r', teamId: 't', repIds: [] }], context)).toBeUndefined();
    expect(chooseAssignee([], context)).toBeUndefined();
  });

  const reps = fc.uniqueArray(fc.stringMatching(/^rep-[a-z0-9]{1,4}$/), { minLength: 1, maxLength: 8 });

  it('property: least-loaded picks a rep with the fewest open leads, the first listed on a tie', () => {
    fc.assert(
      fc.property(reps, fc.array(fc.nat(50), { minLength: 8, maxLength: 8 }), (repIds, loads) => {
        const openLeadsByRep = Object.fromEntries(repIds.map((repId, index) => [repId, loads[index] ?? 0]));
        const chosen = chooseAssignee([{ kind: 'least-loaded', ruleId: 'r', teamId: 't', repIds }], {
          ...context,
          openLeadsByRep,
        });
        const minimum = Math.min(...repIds.map((repId) => openLeadsByRep[repId] ?? 0));
        expect(openLeadsByRep[chosen?.repId ?? '']).toBe(minimum);
        expect(chosen?.repId).toBe(repIds.find((repId) => openLeadsByRep[repId] === minimum));
      }),
    );
  });

  it('property: round-robin hands k leads to n reps as evenly as possible, in order', () => {
    fc.assert(
      fc.property(reps, fc.nat(60), (repIds, k) => {
        const counts = new Map<string, number>();
        for (let turn = 0; turn < k; turn += 1) {
          const chosen = chooseAssignee([{ kind: 'round-robin', ruleId: 'r', teamId: 't', repIds }], {
            ...context,
            roundRobinTurns: { r: turn },
          });
          counts.set(chosen?.repId ?? '', (counts.get(chosen?.repId ?? '') ?? 0) + 1);
        }
        const perRep = repIds.map((repId) => counts.get(repId) ?? 0);
        expect(Math.max(...perRep) - Math.min(...perRep)).toBeLessThanOrEqual(1);
        expect(perRep.reduce((sum, count) => sum + count, 0)).toBe(k);
      }),
    );
  });
});
