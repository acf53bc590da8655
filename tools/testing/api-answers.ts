import type { ApiOperation } from './api-operations';

interface Problem {
  status?: unknown;
  title?: unknown;
  errors?: Array<{ field?: unknown; message?: unknown }>;
}

/**
 * What is wrong with an answer, whatever the request: a 5xx, a status the operation's document does not declare, a
 * refusal that is not problem details with its status and title, a 400 that does not name each field it refuses.
 */
export function faultsOfAnswer(operation: ApiOperation, status: number, contentType: string, text: string): string[] {
  const faults: string[] = [];
  if (status >= 500) faults.push(`a ${status}`);
  if (!operation.statuses.includes(status)) faults.push(`${status}, which the document does not declare`);
  if (status < 400) return faults;
  const isProblem = contentType.startsWith('application/problem+json');
  if (!isProblem) faults.push(`a refusal as ${contentType || 'no content type'}`);
  const problem = (isProblem ? JSON.parse(text) : {}) as Problem;
  if (problem.status !== status || typeof problem.title !== 'string') faults.push('a problem without status and title');
  const { errors } = problem;
  const named =
    Array.isArray(errors) &&
    errors.length > 0 &&
    errors.every((error) => typeof error.field === 'string' && error.field !== '' && typeof error.message === 'string');
  if (status === 400 && !named) faults.push('a 400 that names no field');
  return faults;
}

/** How often each status was answered, in all and by route, for the summary of a run. */
export class AnswerTally {
  private readonly all = new Map<number, number>();
  private readonly byRoute = new Map<string, Map<number, number>>();

  count(route: string, status: number): void {
    const counts = this.byRoute.get(route) ?? new Map<number, number>();
    this.byRoute.set(route, counts);
    for (const tally of [this.all, counts]) tally.set(status, (tally.get(status) ?? 0) + 1);
  }

  summary(): string {
    return AnswerTally.line(this.all);
  }

  routes(): string[] {
    return [...this.byRoute].map(([route, counts]) => `${route}: ${AnswerTally.line(counts)}`);
  }

  private static line(counts: Map<number, number>): string {
    return [...counts.entries()]
      .sort(([a], [b]) => a - b)
      .map(([status, count]) => `${status}: ${count}`)
      .join(', ');
  }
}
