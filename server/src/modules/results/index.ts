export const results = {
  entities: [] as Function[],
  resolvers: [] as Function[],
} as const;
