import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { masterData } from '../modules/masterdata/index.js';
import { program } from '../modules/program/index.js';
import { identity } from '../modules/identity/index.js';
import { audit } from '../modules/audit/audit.js';
import { reporting } from '../modules/reporting/index.js';
import { review } from '../modules/review/index.js';
import { notifications } from '../modules/notifications/resolver.js';
import { publication } from '../modules/publication/index.js';
import { results } from '../modules/results/index.js';
import { bi } from '../modules/bi/index.js';
import { insightRequests } from '../modules/insight-requests/index.js';
import { conditions } from '../modules/conditions/index.js';
import { lastResort } from '../modules/last-resort/index.js';
import { compensation } from '../modules/compensation/index.js';
import { followUp } from '../modules/follow-up/index.js';
import { DateTimeScalar } from '../common/scalars.js';

export const resolvers = [...masterData.resolvers, ...program.resolvers, ...identity.resolvers, ...audit.resolvers, ...reporting.resolvers, ...review.resolvers, ...notifications.resolvers, ...publication.resolvers, ...results.resolvers, ...bi.resolvers, ...insightRequests.resolvers, ...conditions.resolvers, ...lastResort.resolvers, ...compensation.resolvers, ...followUp.resolvers] as const;

let cached: Promise<GraphQLSchema> | undefined;

/** The executable schema (built once per process). */
export function getSchema(): Promise<GraphQLSchema> {
  cached ??= buildSchema({
    resolvers: [...resolvers] as unknown as [Function, ...Function[]],
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
    validate: false,
    emitSchemaFile: false,
  });
  return cached;
}
