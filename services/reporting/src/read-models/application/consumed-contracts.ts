import { channelsContracts, ContractRegistry, leadsContracts } from '@salesos/contracts';

/** The contracts the read models are fed by: the live consumer checks each event against them, and so does a rebuild. */
export const consumedContracts = (): ContractRegistry =>
  new ContractRegistry([...leadsContracts, ...channelsContracts]);
