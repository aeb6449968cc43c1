import { InsightRequest, InsightRequestEvent, InsightSecretPart } from './entities.js';
import { InsightRequestFields, InsightRequestResolver } from './resolver.js';

export const insightRequests = {
  entities: [InsightRequest, InsightRequestEvent, InsightSecretPart] as Function[],
  resolvers: [InsightRequestResolver, InsightRequestFields] as Function[],
} as const;
