/**
 * Settles as `work` does, or rejects as soon as `signal` aborts: stopping need not wait out a client's connection
 * retries against a broker that is down (the work goes on in the background; its outcome is then ignored).
 */
export function unlessAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) {
    work.catch(() => undefined);
    return Promise.reject(new Error('stopped'));
  }
  return new Promise<T>((resolve, reject) => {
    const abandon = (): void => reject(new Error('stopped'));
    signal.addEventListener('abort', abandon, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener('abort', abandon);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', abandon);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
