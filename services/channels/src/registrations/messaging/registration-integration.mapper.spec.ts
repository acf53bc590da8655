import { ContractRegistry, channelsContracts } from '@salesos/contracts';
import { CommandHandler } from '@salesos/event-sourcing';
import { MemoryEventStore } from '@salesos/event-store';
import type { RegistrationCommand } from '../domain/registration.commands';
import { registrationDecider } from '../domain/registration.decider';
import { mapRegistrationEvent } from './registration-integration.mapper';

describe('registration integration mapping', () => {
  const registry = new ContractRegistry(channelsContracts);

  async function registrationHistory(registrationId: string, details: { contactEmail?: string } = {}) {
    const store = new MemoryEventStore();
    const handler = new CommandHandler(store, registrationDecider);
    let n = 0;
    const run = (command: Omit<RegistrationCommand, 'metadata'>) =>
      handler.handle(`registration-${registrationId}`, {
        ...command,
        metadata: { commandId: `c${(n += 1)}`, now: '2026-04-25T07:55:00.000Z', divisionId: 'north' },
      } as RegistrationCommand);
    await run({
      type: 'SubmitRegistration',
      data: {
        registrationId,
        divisionId: 'north',
        dealerId: 'dealer-1',
        companyName: 'Brandt Maschinenbau AG',
        ...details,
        submittedBy: 'u-1',
      },
    });
    await run({
      type: 'RecordRegistrationAnswer',
      data: { answer: 'accepted', rule: 'first come', decidedAt: '2026-04-25T08:00:00.000Z' },
    });
    return (await store.readAll()).events;
  }

  it('publishes the submission as DealRegistrationSubmitted, keyed by the registration', async () => {
    const published = (await registrationHistory('reg-1', { contactEmail: 'einkauf@brandt.example' })).flatMap(
      mapRegistrationEvent,
    );
    expect(published.map((event) => event.type)).toEqual(['salesos.channels.DealRegistrationSubmitted.v1']);
    const [submitted] = published;
    expect(submitted?.subject).toBe('reg-1');
    expect(registry.validate(submitted?.type ?? '', submitted?.data)).toEqual({ ok: true });
    expect(submitted?.data).toEqual({
      registrationId: 'reg-1',
      divisionId: 'north',
      dealerId: 'dealer-1',
      companyName: 'Brandt Maschinenbau AG',
      contactEmail: 'einkauf@brandt.example',
      submittedAt: '2026-04-25T07:55:00.000Z',
    });
  });

  it('leaves out the optional fields a registration does not have, and reads only registration streams', async () => {
    const [submitted] = await registrationHistory('reg-2');
    if (submitted === undefined) throw new Error('no submission');
    expect(mapRegistrationEvent(submitted)[0]?.data).toEqual({
      registrationId: 'reg-2',
      divisionId: 'north',
      dealerId: 'dealer-1',
      companyName: 'Brandt Maschinenbau AG',
      submittedAt: '2026-04-25T07:55:00.000Z',
    });
    expect(
      mapRegistrationEvent({ ...submitted, metadata: { ...submitted.metadata, streamId: 'dealregistration-reg-2' } }),
    ).toEqual([]);
  });
});
