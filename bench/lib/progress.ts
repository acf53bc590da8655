/** Progress goes to stderr so stdout carries only the final table. */
export function progress(message: string): void {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

export function formatRate(perSecond: number): string {
  return Math.round(perSecond).toLocaleString('en-US');
}

/** Calls `report` each time `done` crosses another tenth of `total`. */
export function tenthsReporter(total: number, report: (done: number) => void): (done: number) => void {
  let nextTenth = 1;
  return (done) => {
    if (done < (total * nextTenth) / 10) return;
    while (done >= (total * nextTenth) / 10) nextTenth += 1;
    report(done);
  };
}
