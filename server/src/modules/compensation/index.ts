import { CompensationDecision, CompensationMethod, UnitEconomics } from './entities.js';
import { CompensationDecisionResolver, CompensationMethodResolver, ObligationCompensationResolver, UnitEconomicsResolver } from './resolver.js';

export const compensation = {
  entities: [UnitEconomics, CompensationMethod, CompensationDecision] as Function[],
  resolvers: [UnitEconomicsResolver, CompensationMethodResolver, CompensationDecisionResolver, ObligationCompensationResolver] as Function[],
} as const;
