import {
  PublicAssessmentFields,
  PublicCorrectionFields,
  PublicResultsQueries,
  PublicSeriesFields,
  PublicUnitFields,
  PublicValueFields,
} from './resolver.js';

export const results = {
  entities: [] as Function[],
  resolvers: [PublicResultsQueries, PublicUnitFields, PublicValueFields, PublicCorrectionFields, PublicSeriesFields, PublicAssessmentFields] as Function[],
} as const;
