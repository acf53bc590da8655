/** Who is signed in, as the bearer token says; the API checks the token, this only chooses what to show. */
export interface Session {
  token: string;
  userId: string;
  roles: string[];
  /** Absent for roles that reach every division. */
  divisions: string[] | undefined;
  teams: string[];
  dealerId: string | undefined;
  /** Seconds since the epoch. */
  expiresAt: number | undefined;
}

/** The four views: what a director, a team lead, a rep and a dealer's user look at. */
export type ViewKind = 'director' | 'team' | 'rep' | 'dealer';

const storageKey = 'salesos.dashboard.token';
const divisionWide = ['admin', 'sales-director', 'division-manager', 'analyst'];

function decodePart(part: string): unknown {
  const base64 = part.replace(/-/g, '+').replace(/_/g, '/');
  const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes)) as unknown;
}

const texts = (value: unknown): string[] | undefined =>
  Array.isArray(value) && value.every((item) => typeof item === 'string') ? value : undefined;

/** The session a token opens, or why it cannot open one, in words. */
export function sessionOf(rawToken: string): Session | string {
  const token = rawToken.trim().replace(/^Bearer\s+/i, '');
  const parts = token.split('.');
  if (parts.length !== 3 || parts[1] === undefined) return 'This is not a bearer token (a JWT has three parts).';
  let claims: Record<string, unknown>;
  try {
    claims = decodePart(parts[1]) as Record<string, unknown>;
  } catch {
    return 'This token cannot be read: its claims are not JSON.';
  }
  const roles = texts(claims.roles);
  if (typeof claims.sub !== 'string' || roles === undefined || roles.length === 0) {
    return 'This token names no user or no roles.';
  }
  const expiresAt = typeof claims.exp === 'number' ? claims.exp : undefined;
  if (expiresAt !== undefined && expiresAt * 1000 <= Date.now()) return 'This token has expired.';
  return {
    token,
    userId: claims.sub,
    roles,
    divisions: texts(claims.divisions),
    teams: texts(claims.teams) ?? [],
    dealerId: typeof claims.dealer_id === 'string' ? claims.dealer_id : undefined,
    expiresAt,
  };
}

/** The view a session opens on: the widest reach among its roles. */
export function viewOf(session: Session): ViewKind {
  if (session.roles.some((role) => divisionWide.includes(role))) return 'director';
  if (session.roles.includes('team-lead')) return 'team';
  if (session.roles.includes('rep')) return 'rep';
  return 'dealer';
}

/** Kept for the browser tab only: closing it signs out. */
export function savedSession(): Session | undefined {
  const token = sessionStorage.getItem(storageKey);
  if (token === null) return undefined;
  const session = sessionOf(token);
  if (typeof session === 'string') {
    sessionStorage.removeItem(storageKey);
    return undefined;
  }
  return session;
}

export function saveSession(session: Session): void {
  sessionStorage.setItem(storageKey, session.token);
}

export function forgetSession(): void {
  sessionStorage.removeItem(storageKey);
}
