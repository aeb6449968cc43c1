import { Condition, GoverningDocumentVersion } from './entities.js';
import { ConditionsQueries, GoverningDocumentVersionFields, VersionFields } from './resolver.js';

export const conditions = {
  entities: [GoverningDocumentVersion, Condition] as Function[],
  resolvers: [ConditionsQueries, GoverningDocumentVersionFields, VersionFields] as Function[],
} as const;
