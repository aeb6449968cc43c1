export const lastResort = {
  entities: [] as Function[],
  resolvers: [] as Function[],
} as const;
