import type { Api } from './api';
import type { Filters } from './route';
import type { Session } from './session';

/** What every panel is drawn with: the API as the signed-in person, who they are, and the filters in force. */
export interface ViewContext {
  api: Api;
  session: Session;
  filters: Filters;
  /** Goes to an address of the dashboard (a drill-down). */
  go: (hash: string) => void;
}
