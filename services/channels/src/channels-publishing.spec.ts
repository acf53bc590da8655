import { channelsContracts, ContractRegistry } from '@salesos/contracts';
import { channelsPublishedSource, publishedCategories } from './channels-publishing';
import { channelsContractSamples } from './contract-samples';

describe('what the channels service publishes', () => {
  const samples = channelsContractSamples();

  it('has a sample of every channels contract, made by its deciders and mappers, each matching its contract', () => {
    const registry = new ContractRegistry(channelsContracts);
    expect(new Set(samples.map((sample) => sample.type))).toEqual(
      new Set(channelsContracts.map((contract) => contract.type)),
    );
    for (const sample of samples) {
      expect({ type: sample.type, valid: registry.validate(sample.type, sample.data) }).toEqual({
        type: sample.type,
        valid: { ok: true },
      });
      expect(sample.source).toBe('/salesos/channels');
      expect(sample.subject).not.toBe('');
    }
  });

  it('reads the categories of the streams its features publish from', () => {
    expect(channelsPublishedSource().categories).toEqual(publishedCategories);
    expect([...publishedCategories].sort()).toEqual([
      'agreement',
      'dealer',
      'dealertier',
      'funds',
      'plan',
      'registration',
    ]);
  });
});
