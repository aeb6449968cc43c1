export const publication = {
  entities: [] as Function[],
  resolvers: [] as Function[],
} as const;
