/** Where and when a run measured: on a small shared machine, the figures mean little without these. */
export interface RunFacts {
  date: string;
  nodeVersion: string;
  postgresVersion: string;
  cpuCount: number;
  loadAverage: { start: number; end: number };
}

/** The facts every report's metadata starts with. */
export function runFactsMetadata(facts: RunFacts) {
  const load = (value: number): number => Math.round(value * 1000) / 1000;
  return {
    date: facts.date,
    node_version: facts.nodeVersion,
    postgres_version: facts.postgresVersion,
    cpu_count: facts.cpuCount,
    load_average_1m: { start: load(facts.loadAverage.start), end: load(facts.loadAverage.end) },
  };
}
