import { ContractRegistry, staffingContracts } from '@salesos/contracts';
import { publishedCategories, staffingPublishedSource } from './staffing-publishing';
import { contractsAwaitingTheirProducer, staffingContractSamples } from './contract-samples';

describe('what the staffing service publishes', () => {
  const samples = staffingContractSamples();

  it('has a sample of every staffing contract it emits, made by its deciders and mappers, each matching its contract', () => {
    const registry = new ContractRegistry(staffingContracts);
    const emitted = staffingContracts
      .map((contract) => contract.type)
      .filter((type) => !contractsAwaitingTheirProducer.includes(type));
    expect(new Set(samples.map((sample) => sample.type))).toEqual(new Set(emitted));
    for (const sample of samples) {
      expect({ type: sample.type, valid: registry.validate(sample.type, sample.data) }).toEqual({
        type: sample.type,
        valid: { ok: true },
      });
      expect(sample.source).toBe('/salesos/staffing');
      expect(sample.subject).not.toBe('');
    }
  });

  it('names as awaiting their producer only contracts it defines', () => {
    const defined = staffingContracts.map((contract) => contract.type);
    expect(contractsAwaitingTheirProducer.filter((type) => !defined.includes(type))).toEqual([]);
  });

  it('reads the categories of the streams its features publish from', () => {
    expect(staffingPublishedSource().categories).toEqual(publishedCategories);
    expect([...publishedCategories].sort()).toEqual(['person', 'training', 'unit']);
  });
});
