import { LastResortObligation } from './entities.js';
import { LastResortResolver } from './resolver.js';

export const lastResort = {
  entities: [LastResortObligation] as Function[],
  resolvers: [LastResortResolver] as Function[],
} as const;
