import { badField } from './errors.js';

interface PgError {
  code?: string;
  constraint?: string;
  driverError?: PgError;
}

/**
 * Turns a constraint violation into BAD_USER_INPUT at the field it concerns, using the
 * constraint names of the migrations; anything else is rethrown unchanged.
 */
export function mapConstraintError(error: unknown, fields: Record<string, [path: string, message: string]>): never {
  const e = error as PgError;
  const pg = e?.driverError ?? e;
  if (pg?.constraint && fields[pg.constraint]) {
    const [path, message] = fields[pg.constraint];
    throw badField(path, message);
  }
  throw error;
}
