/** A refusal or failure of the API, with what to tell the person in words. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

interface Problem {
  title?: string;
  detail?: string;
  errors?: Array<{ field?: string; message?: string }>;
}

export type Query = Record<string, string | number | undefined>;

function words(status: number, problem: Problem | undefined): string {
  const detail = problem?.errors?.length
    ? problem.errors.map((error) => `${error.field ?? ''} ${error.message ?? ''}`.trim()).join('; ')
    : (problem?.detail ?? problem?.title);
  switch (status) {
    case 401:
      return 'Your sign-in is not accepted any more (expired or unknown token): sign in again.';
    case 403:
      return `Your role may not see this${detail ? ` (${detail})` : ''}.`;
    case 404:
      return `Not found, or not yours to see${detail ? ` (${detail})` : ''}.`;
    case 400:
      return `The request was refused: ${detail ?? 'bad input'}.`;
    default:
      return status >= 500
        ? `The service failed to answer (${status}${detail ? `: ${detail}` : ''}). Try again in a moment.`
        : `The service answered ${status}${detail ? `: ${detail}` : ''}.`;
  }
}

export function withQuery(path: string, query: Query): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value !== undefined) params.set(name, String(value));
  const text = params.toString();
  return text === '' ? path : `${path}?${text}`;
}

/** The platform's API on this origin, with the caller's token and the division they act in. */
export class Api {
  constructor(
    private readonly token: string | undefined,
    private readonly division: string | undefined,
    private readonly onUnauthorised: () => void = () => undefined,
  ) {}

  async get<T>(path: string, query: Query = {}): Promise<T> {
    return this.send<T>('GET', withQuery(path, query));
  }

  async post<T>(path: string, body: unknown): Promise<T> {
    return this.send<T>('POST', path, body);
  }

  private async send<T>(method: string, url: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (this.token !== undefined) headers.Authorization = `Bearer ${this.token}`;
    if (this.division !== undefined) headers['X-Division-Id'] = this.division;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    let response: Response;
    try {
      response = await fetch(url, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    } catch {
      throw new ApiError(0, 'The platform cannot be reached: check that it runs, then try again.');
    }
    if (response.ok) return (await response.json()) as T;
    const problem = /json/.test(response.headers.get('Content-Type') ?? '')
      ? ((await response.json()) as Problem)
      : undefined;
    if (response.status === 401) this.onUnauthorised();
    throw new ApiError(response.status, words(response.status, problem));
  }
}
