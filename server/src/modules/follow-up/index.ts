export const followUp = {
  entities: [] as Function[],
  resolvers: [] as Function[],
} as const;
