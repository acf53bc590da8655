/** A whole, valid body of `PUT /scoring-rules`; a test changes what its assertions read. */
export function scoringRulesRequest(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    sources: [{ source: 'fair', points: 30 }],
    estimatedValue: [{ atLeast: 1000, points: 20 }],
    companySize: { micro: 0, small: 2, mid: 5, large: 10, enterprise: 15 },
    reachableEmail: 5,
    reachablePhone: 5,
    perSegment: 10,
    segmentsAtMost: 20,
    perNeed: 3,
    needsAtMost: 9,
    ...overrides,
  };
}
