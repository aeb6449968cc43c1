import { ConfidentialityDecision, Publication, PublicResponse, PublishedValue } from './entities.js';
import {
  ConfidentialityDecisionFields,
  CorrectionFields,
  PublicationResolver,
  PublicResponseFields,
  PublishedValueFields,
  ReportPublicationFields,
} from './resolver.js';

export const publication = {
  entities: [ConfidentialityDecision, Publication, PublishedValue, PublicResponse] as Function[],
  resolvers: [
    PublicationResolver,
    ReportPublicationFields,
    PublishedValueFields,
    CorrectionFields,
    ConfidentialityDecisionFields,
    PublicResponseFields,
  ] as Function[],
} as const;
