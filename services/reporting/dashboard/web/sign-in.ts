import { Api, ApiError } from './api';
import { el, replace } from './dom';
import { saveSession, sessionOf } from './session';

interface DemoUser {
  userId: string;
  roles: string[];
  divisions?: string[];
  dealerId?: string;
}

const reach = (user: DemoUser): string =>
  user.dealerId !== undefined
    ? `dealer ${user.dealerId} in ${user.divisions?.join(', ') ?? ''}`
    : user.divisions === undefined
      ? 'every division'
      : user.divisions.join(', ');

/**
 * The sign-in: in the embedded mode, the demo users to pick from; always, a bearer token to paste (in production,
 * one the identity provider issued). The token stays in this browser tab only.
 */
export function showSignIn(main: HTMLElement, onSignedIn: () => void, reason?: string): void {
  const message = el('p', { class: 'status', role: 'status' }, reason ?? '');
  const demo = el(
    'section',
    { class: 'panel', 'aria-labelledby': 'demo-title' },
    el('h2', { id: 'demo-title' }, 'Demo users'),
  );
  const pasted = el('textarea', { id: 'token', name: 'token', rows: 4, autocomplete: 'off', spellcheck: 'false' });
  const paste = el(
    'form',
    {
      class: 'panel',
      'aria-labelledby': 'token-title',
      onsubmit: (event: Event) => {
        event.preventDefault();
        const session = sessionOf(pasted.value);
        if (typeof session === 'string') {
          message.textContent = session;
          message.className = 'status error';
          return;
        }
        saveSession(session);
        onSignedIn();
      },
    },
    el('h2', { id: 'token-title' }, 'Sign in with a token'),
    el(
      'p',
      {},
      'Paste the bearer token your identity provider issued you (or, on the embedded platform, one from ',
      el('code', {}, 'npm run token -- --user <id>'),
      ').',
    ),
    el('label', { for: 'token' }, 'Bearer token'),
    pasted,
    el('button', { type: 'submit' }, 'Sign in'),
  );
  replace(main, el('h1', { tabindex: '-1' }, 'Sign in to the SalesOS dashboard'), message, demo, paste);
  const api = new Api(undefined, undefined);
  const demoStatus = el('p', { class: 'status', role: 'status' }, 'Looking for demo users…');
  demo.append(demoStatus);
  api
    .get<{ items: DemoUser[] }>('/demo/users')
    .then(({ items }) => {
      demoStatus.textContent = 'The embedded platform signs you in as one of its demo users, one per role.';
      demo.append(
        el(
          'ul',
          { class: 'demo-users' },
          ...items.map((user) =>
            el(
              'li',
              {},
              el(
                'button',
                {
                  type: 'button',
                  'data-user': user.userId,
                  onclick: () => {
                    message.textContent = `Signing in as ${user.userId}…`;
                    api
                      .post<{ token: string }>('/demo/tokens', { userId: user.userId })
                      .then(({ token }) => {
                        const session = sessionOf(token);
                        if (typeof session === 'string') throw new Error(session);
                        saveSession(session);
                        onSignedIn();
                      })
                      .catch((error: unknown) => {
                        message.textContent = error instanceof Error ? error.message : String(error);
                        message.className = 'status error';
                      });
                  },
                },
                user.userId,
              ),
              ` ${user.roles.join(', ')}, ${reach(user)}`,
            ),
          ),
        ),
      );
    })
    .catch((error: unknown) => {
      demoStatus.textContent =
        error instanceof ApiError && error.status === 404
          ? 'This platform takes tokens from its identity provider: paste yours below.'
          : error instanceof Error
            ? error.message
            : String(error);
    });
}
