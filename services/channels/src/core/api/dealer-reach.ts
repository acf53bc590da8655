import type { RequestContext } from '@salesos/http';

/**
 * Whether the caller may see or act on a dealer's records: anyone of the organisation may, a dealer's users only
 * their own dealer's. Anything else reads as not found.
 */
export function reachesDealer(caller: RequestContext, dealerId: string): boolean {
  const { principal } = caller;
  if (principal === undefined) return true;
  if (principal.roles.some((role) => role !== 'dealer')) return true;
  return principal.dealerId !== undefined && principal.dealerId === dealerId;
}
