import { isMunicipalityCode, type FieldError } from '@insyn/shared';
import type { Context } from '../../app/context.js';
import { badUserInput, notFound } from '../../common/errors.js';
import { isId } from '../../common/ids.js';
import { decodeCursor, keysetPage, pageSize, type Connection } from '../../common/pagination.js';
import { ChoiceSystem, Municipality, Provider, Unit } from './entities.js';
import type { ProviderFilter, UnitFilter } from './inputs.js';

function likePattern(search: string): string {
  return `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function checkFilter(filter: { municipalityCode?: string | null; providerId?: string | null } | null | undefined): void {
  const fields: FieldError[] = [];
  if (filter?.municipalityCode != null && !isMunicipalityCode(filter.municipalityCode)) {
    fields.push({ path: 'filter.municipalityCode', message: 'municipalityCode must be a four-digit SCB code' });
  }
  if (filter?.providerId != null && !isId(filter.providerId)) {
    fields.push({ path: 'filter.providerId', message: 'providerId is not a provider id' });
  }
  if (fields.length) throw badUserInput(fields);
}

export const masterDataService = {
  municipalities(ctx: Context): Promise<Municipality[]> {
    return ctx.em.getRepository(Municipality).find({ order: { name: 'ASC' } });
  },

  choiceSystems(ctx: Context): Promise<ChoiceSystem[]> {
    return ctx.em.getRepository(ChoiceSystem).find({ order: { name: 'ASC' } });
  },

  async provider(ctx: Context, id: string): Promise<Provider> {
    const provider = isId(id) ? await ctx.loaders.providerById.load(id) : null;
    if (!provider) throw notFound('Provider');
    return provider;
  },

  async unit(ctx: Context, id: string): Promise<Unit> {
    const unit = isId(id) ? await ctx.loaders.unitById.load(id) : null;
    if (!unit) throw notFound('Unit');
    return unit;
  },

  /** Providers ordered by name (Swedish collation), keyset-paginated. */
  async providers(
    ctx: Context,
    filter: ProviderFilter | null | undefined,
    first: number | null | undefined,
    after: string | null | undefined,
  ): Promise<Connection<Provider>> {
    pageSize(first);
    decodeCursor(after, 2);
    checkFilter(filter);
    const qb = ctx.em.getRepository(Provider).createQueryBuilder('p');
    if (filter?.municipalityCode) {
      qb.andWhere('EXISTS (SELECT 1 FROM unit u WHERE u.provider_id = p.id AND u.municipality_code = :m)', {
        m: filter.municipalityCode,
      });
    }
    if (filter?.ownership?.length) qb.andWhere('p.ownership IN (:...own)', { own: filter.ownership });
    const search = filter?.search?.trim();
    if (search) {
      qb.andWhere("(p.name ILIKE :q ESCAPE '\\' OR p.org_number LIKE :q ESCAPE '\\')", { q: likePattern(search) });
    }
    return keysetPage(qb, { first, after, keys: ['p.name', 'p.id'], keyOf: (p) => [p.name, p.id] });
  },

  /** Units ordered by name (Swedish collation), keyset-paginated. */
  async units(
    ctx: Context,
    filter: UnitFilter | null | undefined,
    first: number | null | undefined,
    after: string | null | undefined,
  ): Promise<Connection<Unit>> {
    pageSize(first);
    decodeCursor(after, 2);
    checkFilter(filter);
    const qb = ctx.em.getRepository(Unit).createQueryBuilder('u');
    if (filter?.municipalityCode) qb.andWhere('u.municipality_code = :m', { m: filter.municipalityCode });
    if (filter?.providerId) qb.andWhere('u.provider_id = :pid', { pid: filter.providerId });
    if (filter?.kind?.length) qb.andWhere('u.kind IN (:...kinds)', { kinds: filter.kind });
    if (filter?.ownership?.length) {
      qb.andWhere('EXISTS (SELECT 1 FROM provider p WHERE p.id = u.provider_id AND p.ownership IN (:...own))', {
        own: filter.ownership,
      });
    }
    const search = filter?.search?.trim();
    if (search) qb.andWhere("u.name ILIKE :q ESCAPE '\\'", { q: likePattern(search) });
    return keysetPage(qb, { first, after, keys: ['u.name', 'u.id'], keyOf: (u) => [u.name, u.id] });
  },
};
