import type { INestApplication } from '@nestjs/common';
import { testAuth } from '@salesos/auth/testing';
import { MemoryEventStore } from '@salesos/event-store';
import { createChannelsApp } from '../../channels-app';
import { recordTestDealer } from '../../testing';
import { DealerDirectory } from '../application/dealer-directory.port';
import { DealerError, DealerErrorCode } from '../domain/dealer.errors';

describe('the dealer directory', () => {
  let app: INestApplication;
  let store: MemoryEventStore;

  beforeEach(async () => {
    store = new MemoryEventStore();
    app = await createChannelsApp({ auth: testAuth.verifier, store });
    await app.init();
  });

  afterEach(async () => {
    await app.close();
  });

  it("holds each dealer in its division, as its events left it, and no other division's", async () => {
    await recordTestDealer(app, store, { dealerId: 'dealer-1', userIds: ['dealer-user-1'] });
    await recordTestDealer(app, store, { dealerId: 'dealer-2', reach: 'suspended' });
    const directory = app.get(DealerDirectory);
    expect(await directory.requireActiveDealer('north', 'dealer-1')).toMatchObject({
      status: 'active',
      userIds: ['dealer-user-1'],
      channelId: 'dealers',
    });
    expect(await directory.dealer('south', 'dealer-1')).toBeUndefined();
    await expect(directory.requireDealer('south', 'dealer-1', 'body.dealerId')).rejects.toMatchObject({
      code: DealerErrorCode.InvalidInput,
      field: 'body.dealerId',
    });
    await expect(directory.requireActiveDealer('north', 'dealer-2')).rejects.toThrow(
      new DealerError(DealerErrorCode.InvalidTransition, 'Dealer dealer-2 is suspended, not active'),
    );
  });
});
