/** The stream of a dealer's plan for a period: one per dealer and period. */
export const dealerPlanStreamId = (dealerId: string, period: string): string => `plan-${dealerId}-${period}`;
