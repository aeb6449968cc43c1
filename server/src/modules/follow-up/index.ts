import { AnnualReportResolver, NeutralityReportResolver } from './resolver.js';

export const followUp = {
  entities: [] as Function[],
  resolvers: [NeutralityReportResolver, AnnualReportResolver] as Function[],
} as const;
