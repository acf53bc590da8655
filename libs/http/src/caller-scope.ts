export const knownRoles = [
  'admin',
  'sales-director',
  'division-manager',
  'team-lead',
  'rep',
  'dealer',
  'analyst',
] as const;

export type Role = (typeof knownRoles)[number];

/** The verified caller: who, in which roles, over which part of the sales organisation. */
export interface Principal {
  userId: string;
  roles: readonly Role[];
  /** The divisions the token grants; `all` for sales directors and admins. */
  divisions: readonly string[] | 'all';
  /** For team leads: the teams they lead. */
  teams: readonly string[];
  /** For a dealer's users: their dealer. */
  dealerId?: string;
}

/** What a record says about whose it is, for the record-level checks. */
export interface RecordOwnership {
  divisionId: string;
  ownerRepId?: string | null;
  teamId?: string | null;
  dealerId?: string | null;
}

/**
 * The rows a caller may see within a division: all of them, or only a team's and their own, or their own, or their
 * dealer's. Queries put these conditions in the statement itself.
 */
export type RowScope =
  | { kind: 'division' }
  | { kind: 'team'; teamIds: readonly string[]; ownerRepId: string }
  | { kind: 'own'; ownerRepId: string }
  | { kind: 'dealer'; dealerId: string };

const divisionWide: readonly Role[] = ['admin', 'sales-director', 'division-manager', 'analyst'];

export function grantsDivision(principal: Principal, divisionId: string): boolean {
  return principal.divisions === 'all' || principal.divisions.includes(divisionId);
}

const readOnlyMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Whether an HTTP method only reads, the only kind an analyst may send. */
export function onlyReads(method: string): boolean {
  return readOnlyMethods.has(method.toUpperCase());
}

/** Analysts read; every other role may also change what its scope covers. */
export function mayWrite(principal: Principal): boolean {
  return principal.roles.some((role) => role !== 'analyst');
}

/** The broadest row scope the caller's roles give within a division it is granted. */
export function rowScope(principal: Principal): RowScope {
  if (principal.roles.some((role) => divisionWide.includes(role))) return { kind: 'division' };
  if (principal.roles.includes('team-lead')) {
    return { kind: 'team', teamIds: principal.teams, ownerRepId: principal.userId };
  }
  if (principal.roles.includes('rep')) return { kind: 'own', ownerRepId: principal.userId };
  if (principal.roles.includes('dealer') && principal.dealerId !== undefined) {
    return { kind: 'dealer', dealerId: principal.dealerId };
  }
  // A token with no role that reaches any rows sees none: an impossible owner.
  return { kind: 'own', ownerRepId: '\u0000' };
}

/** Roles that work on leads and deals inside the organisation: everyone but a dealer's users. */
export const organisationRoles: Role[] = ['admin', 'sales-director', 'division-manager', 'team-lead', 'rep', 'analyst'];

/**
 * The owner a caller may give a record it creates: reps and team leads own what they open unless a team lead names
 * someone; a rep may not hand a new record to someone else (it would drop out of their reach at once). Undefined
 * means the caller may name the owner or leave it open; a string is the owner to use; null is a refusal.
 */
export function ownerOfNewRecord(
  principal: Principal | undefined,
  named: string | undefined,
): string | undefined | null {
  if (principal === undefined) return named;
  const scope = rowScope(principal);
  switch (scope.kind) {
    case 'division':
    case 'dealer':
      return named;
    case 'team':
      return named ?? principal.userId;
    case 'own':
      return named === undefined || named === principal.userId ? principal.userId : null;
  }
}

/** Whether a record is in the caller's scope: granted division, and the rows its roles reach there. */
export function reaches(principal: Principal, record: RecordOwnership): boolean {
  if (!grantsDivision(principal, record.divisionId)) return false;
  const scope = rowScope(principal);
  switch (scope.kind) {
    case 'division':
      return true;
    case 'team':
      return (
        record.ownerRepId === scope.ownerRepId ||
        (record.teamId !== undefined && record.teamId !== null && scope.teamIds.includes(record.teamId))
      );
    case 'own':
      return record.ownerRepId === scope.ownerRepId;
    case 'dealer':
      return record.dealerId === scope.dealerId;
  }
}
