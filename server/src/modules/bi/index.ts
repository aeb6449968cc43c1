export const bi = {
  entities: [] as Function[],
  resolvers: [] as Function[],
} as const;
