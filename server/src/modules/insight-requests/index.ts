export const insightRequests = {
  entities: [] as Function[],
  resolvers: [] as Function[],
} as const;
