import { ApiToken, User } from './entities.js';
import { ApiTokenFields, IdentityResolver, UserFields, ViewerFields } from './resolver.js';

export const identity = {
  entities: [User, ApiToken],
  resolvers: [IdentityResolver, ViewerFields, UserFields, ApiTokenFields],
} as const;
export { identityService, hashPassword } from './service.js';
