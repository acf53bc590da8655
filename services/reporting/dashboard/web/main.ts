import { Api } from './api';
import { controls } from './controls';
import { dealsTable } from './deals-table';
import { el, replace } from './dom';
import { count } from './format';
import type { Panel } from './panel';
import { dealerDealsPanel } from './panels/deals-panels';
import type { DealsPage, Division } from './reports';
import { type Filters, href, parseRoute, type Route } from './route';
import { forgetSession, savedSession, type Session, viewOf } from './session';
import { showSignIn } from './sign-in';
import type { ViewContext } from './view-context';
import { viewFor } from './views';

const pageSize = 25;
let shown: Panel[] = [];
let divisionsCache: { userId: string; divisions: Division[] } | undefined;

function go(hash: string): void {
  if (location.hash === hash) void render();
  else location.hash = hash;
}

/**
 * The divisions the person may pick from: those the platform names for their token (`GET /divisions`, the leads
 * service), or those the token lists where that service does not answer (the reporting service alone).
 */
async function divisionsOf(session: Session): Promise<Division[]> {
  if (divisionsCache?.userId === session.userId) return divisionsCache.divisions;
  let divisions: Division[];
  try {
    const answer = await new Api(session.token, undefined).get<{ items: Division[] }>('/divisions');
    divisions = answer.items.map(({ divisionId, name }) => ({ divisionId, name }));
  } catch {
    divisions = (session.divisions ?? []).map((divisionId) => ({ divisionId, name: divisionId }));
  }
  divisionsCache = { userId: session.userId, divisions };
  return divisions;
}

function topBar(session: Session | undefined, division: Division | undefined): void {
  const bar = document.getElementById('top-bar');
  if (bar === null) return;
  replace(
    bar,
    el('a', { class: 'brand', href: '#/' }, 'SalesOS'),
    session === undefined
      ? null
      : el(
          'p',
          { class: 'who' },
          `Signed in as ${session.userId} (${session.roles.join(', ')})`,
          division === undefined ? '' : ` · ${division.name}`,
        ),
    session === undefined
      ? null
      : el(
          'button',
          {
            type: 'button',
            onclick: () => {
              forgetSession();
              divisionsCache = undefined;
              go('#/');
            },
          },
          'Sign out',
        ),
  );
}

function dealsPage(main: HTMLElement, context: ViewContext, route: Extract<Route, { page: 'deals' }>): void {
  const status = el('p', { class: 'status', role: 'status' }, 'Loading the deals…');
  const body = el('div', {});
  const back = el('a', { href: href({ page: 'dashboard', filters: context.filters }) }, 'Back to the dashboard');
  replace(main, el('p', {}, back), el('h1', { tabindex: '-1' }, route.title), status, body);
  main.dataset.state = 'loading';
  context.api
    .get<DealsPage>('/reports/deals', { ...route.deals, page: route.pageNumber, pageSize })
    .then((page) => {
      main.dataset.state = page.total === 0 ? 'empty' : 'ready';
      const pages = Math.max(1, Math.ceil(page.total / page.pageSize));
      status.textContent =
        page.total === 0 ? 'No deal matches.' : `${count(page.total)} deals; page ${page.page} of ${pages}.`;
      const pageLink = (pageNumber: number, text: string) =>
        el('a', { href: href({ ...route, pageNumber }), rel: pageNumber < page.page ? 'prev' : 'next' }, text);
      replace(
        body,
        page.total === 0 ? null : dealsTable(route.title, page.items),
        el(
          'nav',
          { 'aria-label': 'Pages of deals', class: 'pager' },
          page.page > 1 ? pageLink(page.page - 1, 'Previous page') : null,
          page.page < pages ? pageLink(page.page + 1, 'Next page') : null,
        ),
      );
    })
    .catch((error: unknown) => {
      main.dataset.state = 'error';
      status.textContent = error instanceof Error ? error.message : String(error);
      status.className = 'status error';
    });
}

async function render(): Promise<void> {
  const main = document.getElementById('main');
  if (main === null) return;
  const focused = document.activeElement?.id;
  for (const panel of shown.splice(0)) panel.destroy();
  delete main.dataset.state;
  const session = savedSession();
  if (session === undefined) {
    topBar(undefined, undefined);
    showSignIn(main, () => go('#/'));
    return;
  }
  const route = parseRoute(location.hash);
  const divisions = await divisionsOf(session);
  const division = divisions.find((candidate) => candidate.divisionId === route.filters.division) ?? divisions[0];
  const filters: Filters = { ...route.filters, division: division?.divisionId ?? route.filters.division };
  const api = new Api(session.token, filters.division, () => {
    forgetSession();
    showSignIn(main, () => go('#/'), 'Your sign-in was not accepted any more: sign in again.');
  });
  const context: ViewContext = { api, session, filters, go };
  topBar(session, division);
  if (route.page === 'deals') {
    dealsPage(main, context, { ...route, filters });
  } else if (route.page === 'dealer-deals') {
    const panel = dealerDealsPanel(context, route.dealerId);
    shown = [panel];
    replace(
      main,
      el('p', {}, el('a', { href: href({ page: 'dashboard', filters }) }, 'Back to the dashboard')),
      el('h1', { tabindex: '-1' }, `Deals of dealer ${route.dealerId}`),
      panel.element,
    );
  } else {
    const kind = viewOf(session);
    const view = viewFor(kind, context);
    shown = view.panels;
    replace(
      main,
      el('h1', { tabindex: '-1' }, view.title),
      controls(filters, divisions, (changed) => go(href({ page: 'dashboard', filters: changed })), { asOf: true }),
      el('div', { class: 'panels', 'data-view': kind }, ...view.panels.map((panel) => panel.element)),
      el(
        'section',
        { class: 'panel waiting', 'aria-labelledby': 'waiting-title' },
        el('h2', { id: 'waiting-title' }, 'Not on this dashboard yet'),
        el('ul', {}, ...view.waiting.map((item) => el('li', {}, item))),
      ),
    );
  }
  const refocus = focused === undefined || focused === '' ? null : document.getElementById(focused);
  if (refocus !== null) refocus.focus();
  else if (route.page !== 'dashboard') main.querySelector('h1')?.focus();
}

window.addEventListener('hashchange', () => void render());
void render();
