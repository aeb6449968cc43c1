export const conditions = {
  entities: [] as Function[],
  resolvers: [] as Function[],
} as const;
