export const compensation = {
  entities: [] as Function[],
  resolvers: [] as Function[],
} as const;
