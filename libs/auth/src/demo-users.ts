import type { TokenSubject } from './token-issuer';

/**
 * One demo user per role, across the demo company's divisions, so a newcomer can try what each may see and do
 * (`npm run token`, and the dashboard's sign-in in the embedded mode). Reps, teams and dealers are the demo
 * company's own.
 */
export const demoUsers: readonly TokenSubject[] = [
  { userId: 'admin-1', roles: ['admin'] },
  { userId: 'director-1', roles: ['sales-director'] },
  { userId: 'manager-machines', roles: ['division-manager'], divisions: ['machines'] },
  { userId: 'manager-medical', roles: ['division-manager'], divisions: ['medical'] },
  { userId: 'manager-services', roles: ['division-manager'], divisions: ['services'] },
  { userId: 'lead-machines-field', roles: ['team-lead'], divisions: ['machines'], teams: ['machines-field'] },
  { userId: 'rep-machines-01', roles: ['rep'], divisions: ['machines'] },
  { userId: 'rep-medical-01', roles: ['rep'], divisions: ['medical'] },
  { userId: 'dealer-1-user', roles: ['dealer'], divisions: ['machines'], dealerId: 'dealer-1' },
  { userId: 'analyst-1', roles: ['analyst'], divisions: ['machines', 'medical', 'services'] },
];

export function demoUser(userId: string): TokenSubject | undefined {
  return demoUsers.find((user) => user.userId === userId);
}
