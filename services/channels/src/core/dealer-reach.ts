import { organisationRoles, type RequestContext, rowScope } from '@salesos/http';

/**
 * The dealer a caller is confined to: undefined for the organisation's roles, who read the whole division; a
 * dealer's user's own dealer; and for a token that reaches no dealer at all, an id no dealer has.
 */
export function dealerReach(caller: RequestContext): string | undefined {
  const { principal } = caller;
  if (principal === undefined || principal.roles.some((role) => organisationRoles.includes(role))) return undefined;
  const scope = rowScope(principal);
  return scope.kind === 'dealer' ? scope.dealerId : '\u0000';
}

/** Whether a record of `dealerId` is within the caller's reach. */
export const reachesDealer = (caller: RequestContext, dealerId: string): boolean => {
  const reach = dealerReach(caller);
  return reach === undefined || reach === dealerId;
};
