import { writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import { progress } from './progress';

/**
 * Runs `work` under the V8 sampling profiler and writes a .cpuprofile (Chrome DevTools, speedscope) to `path`;
 * without a path it just runs it. Profiling one phase in-process keeps start-up and the other phases out of it.
 */
export async function profiled<T>(path: string | undefined, work: () => Promise<T>): Promise<T> {
  if (path === undefined) return work();
  const session = new Session();
  session.connect();
  try {
    await session.post('Profiler.enable');
    await session.post('Profiler.start');
    const result = await work();
    const { profile } = await session.post('Profiler.stop');
    await writeFile(path, JSON.stringify(profile));
    progress(`wrote CPU profile ${path}`);
    return result;
  } finally {
    session.disconnect();
  }
}
