import { allContracts, LeadCapturedV1, releaseOf } from '@salesos/contracts';
import { leadsContractSamples, takeConsumedEvents } from '../../services/leads/src';
import { projectInMemory } from '../../services/reporting/src';
import {
  consumersTakeReleases,
  currentIsReleased,
  producersKeepReleases,
  samplesCoverContracts,
} from './compatibility';

const release = releaseOf(allContracts, '1.4.0');
const consumers = [
  { name: 'reporting', take: projectInMemory },
  { name: 'leads', take: takeConsumedEvents },
];

/** The release with one message's schema or example changed. */
function withMessage(type: string, change: (message: (typeof release.messages)[number]) => void) {
  const copy = structuredClone(release);
  const message = copy.messages.find((candidate) => candidate.type === type);
  if (message === undefined) throw new Error(`no ${type}`);
  change(message);
  return copy;
}

describe('the contracts compatibility check', () => {
  it('passes for the contracts as they are and for what the producers emit today', () => {
    const samples = leadsContractSamples();
    expect(currentIsReleased([release], allContracts, '1.4.0')).toEqual([]);
    expect(samplesCoverContracts(samples, allContracts, 'leads')).toEqual([]);
    expect(producersKeepReleases([release], samples)).toEqual([]);
    expect(consumersTakeReleases([release], consumers)).toEqual([]);
  });

  it('fails when the contracts changed without a new release', () => {
    const changed = withMessage(LeadCapturedV1.type, (message) => {
      message.example = { ...message.example, source: 'changed' };
    });
    expect(currentIsReleased([changed], allContracts, '1.4.0')).toEqual([
      expect.stringMatching(/differ from their release 1\.4\.0: a change needs a new version/),
    ]);
    expect(currentIsReleased([], allContracts, '1.5.0')).toEqual([expect.stringMatching(/not kept as a release/)]);
  });

  it('fails when a producer emits what a kept release refuses (a removed or renamed property)', () => {
    const older = withMessage(LeadCapturedV1.type, (message) => {
      const schema = message.schema as { required: string[]; properties: Record<string, unknown> };
      message.schema = {
        ...schema,
        required: [...schema.required, 'leadSource'],
        properties: { ...schema.properties, leadSource: { type: 'string' } },
      };
    });
    const problems = producersKeepReleases([older], leadsContractSamples());
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]).toMatch(
      /release 1\.4\.0 refuses: payload does not match salesos\.leads\.LeadCaptured\.v1.*leadSource/,
    );
  });

  it('fails when a released example no longer passes a consumer of today', () => {
    const older = withMessage(LeadCapturedV1.type, (message) => {
      message.example = { ...message.example, source: '' };
    });
    expect(consumersTakeReleases([older], consumers)).toEqual([
      expect.stringMatching(
        /^reporting refuses an example of release 1\.4\.0: .*\/source must NOT have fewer than 1 characters/,
      ),
    ]);
  });

  it('fails when a published contract has no sample of what its producer emits', () => {
    const samples = leadsContractSamples().filter((sample) => sample.type !== LeadCapturedV1.type);
    expect(samplesCoverContracts(samples, allContracts, 'leads')).toEqual([
      'the leads service has no sample of salesos.leads.LeadCaptured.v1',
    ]);
  });
});
