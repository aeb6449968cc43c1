import type { EntityManager } from 'typeorm';
import { byKey } from '../../common/loaders.js';
import { User } from './entities.js';

export function createIdentityLoaders(em: EntityManager) {
  return {
    userById: byKey<User, string>(em, User, 'id'),
  };
}
