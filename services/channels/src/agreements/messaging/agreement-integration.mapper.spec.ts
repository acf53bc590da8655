import { ContractRegistry, channelsContracts } from '@salesos/contracts';
import { CommandHandler } from '@salesos/event-sourcing';
import { MemoryEventStore } from '@salesos/event-store';
import type { AgreementCommand } from '../domain/agreement.commands';
import { agreementDecider } from '../domain/agreement.decider';
import { mapAgreementEvent } from './agreement-integration.mapper';

describe('agreement integration mapping', () => {
  const registry = new ContractRegistry(channelsContracts);
  const terms = {
    discountPercent: 12.5,
    territories: ['north'],
    productGroups: ['presses'],
    exclusivity: false,
    exclusiveTerritories: [],
    paymentTermsDays: 30,
  };

  async function agreementHistory() {
    const store = new MemoryEventStore();
    const handler = new CommandHandler(store, agreementDecider);
    let n = 0;
    const run = (command: Omit<AgreementCommand, 'metadata'>) =>
      handler.handle('agreement-agr-1', {
        ...command,
        metadata: { commandId: `c${(n += 1)}`, now: '2026-01-03T09:00:00.000Z', divisionId: 'north' },
      } as AgreementCommand);
    const parties = { agreementId: 'agr-1', dealerId: 'dealer-1', divisionId: 'north' };
    await run({
      type: 'DraftAgreementVersion',
      data: { ...parties, terms, effectiveFrom: '2026-01-01', expiresOn: '2026-12-31' },
    });
    await run({ type: 'SignAgreementVersion', data: { version: 1, signedBy: 'Dana Dealer', signedOn: '2026-01-02' } });
    await run({ type: 'RenewAgreement', data: { expiresOn: '2027-12-31' } });
    await run({ type: 'WithdrawAgreementDraft', data: { version: 2, reason: 'talks go on' } });
    await run({
      type: 'DraftAgreementVersion',
      data: {
        ...parties,
        terms: { ...terms, discountPercent: 15 },
        effectiveFrom: '2026-07-01',
        expiresOn: '2027-06-30',
      },
    });
    await run({ type: 'SignAgreementVersion', data: { version: 3, signedBy: 'Dana Dealer', signedOn: '2026-01-03' } });
    await run({ type: 'TerminateAgreement', data: { effectiveOn: '2027-01-01', reason: 'dealer sold' } });
    return (await store.readAll()).events;
  }

  it('publishes each signed version and the early end, matching its contract, keyed by the agreement', async () => {
    const published = (await agreementHistory()).flatMap(mapAgreementEvent);
    expect(published.map((event) => event.type)).toEqual([
      'salesos.channels.AgreementVersionSigned.v1',
      'salesos.channels.AgreementVersionSigned.v1',
      'salesos.channels.AgreementTerminated.v1',
    ]);
    for (const event of published) {
      expect(registry.validate(event.type, event.data)).toEqual({ ok: true });
      expect(event.subject).toBe('agr-1');
    }
    expect(published[2]?.data).toMatchObject({
      agreementId: 'agr-1',
      effectiveOn: '2027-01-01',
      reason: 'dealer sold',
    });
    expect(published.slice(0, 2).map((event) => event.data)).toEqual(
      [1, 3].map((version) => ({
        agreementId: 'agr-1',
        divisionId: 'north',
        dealerId: 'dealer-1',
        version,
        effectiveFrom: expect.any(String) as unknown,
        expiresOn: expect.any(String) as unknown,
        terms: expect.objectContaining({ territories: ['north'] }) as unknown,
        signedOn: version === 1 ? '2026-01-02' : '2026-01-03',
        signedAt: '2026-01-03T09:00:00.000Z',
      })),
    );
    expect(published[0]?.data).toMatchObject({ effectiveFrom: '2026-01-01', expiresOn: '2026-12-31' });
  });

  it('reads only agreement streams', async () => {
    const signed = (await agreementHistory()).find((event) => event.type === 'AgreementVersionSigned');
    if (signed === undefined) throw new Error('no signature');
    expect(mapAgreementEvent({ ...signed, metadata: { ...signed.metadata, streamId: 'dealer-agr-1' } })).toEqual([]);
  });
});
