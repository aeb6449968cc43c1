import { BiQueries } from './resolver.js';

export const bi = {
  entities: [] as Function[],
  resolvers: [BiQueries] as Function[],
} as const;
export { factRoutes } from './export.js';
