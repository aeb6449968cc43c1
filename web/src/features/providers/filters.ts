import { Ownerships, type Ownership } from '@insyn/shared';
import type { ProviderFilter } from '../../gql/graphql';

/** The providers filter as it lives in the URL: ?kommun=2380&driftform=PRIVATE&driftform=IN_HOUSE&sok=… */
export interface ProviderFilterState {
  municipalityCode: string;
  ownership: Ownership[];
  search: string;
}

export const FILTER_PARAMS = { municipality: 'kommun', ownership: 'driftform', search: 'sok' } as const;

export function isOwnership(value: string): value is Ownership {
  return (Ownerships as readonly string[]).includes(value);
}

export function readFilter(params: URLSearchParams): ProviderFilterState {
  const municipalityCode = params.get(FILTER_PARAMS.municipality) ?? '';
  const chosen = new Set(params.getAll(FILTER_PARAMS.ownership).filter(isOwnership));
  return {
    municipalityCode: /^\d{4}$/.test(municipalityCode) ? municipalityCode : '',
    // Canonical order, so the same choice is the same URL and the same cached list.
    ownership: Ownerships.filter((o) => chosen.has(o)),
    search: (params.get(FILTER_PARAMS.search) ?? '').trim().slice(0, 100),
  };
}

export function writeFilter(state: ProviderFilterState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.municipalityCode) params.set(FILTER_PARAMS.municipality, state.municipalityCode);
  for (const o of Ownerships) if (state.ownership.includes(o)) params.append(FILTER_PARAMS.ownership, o);
  if (state.search.trim()) params.set(FILTER_PARAMS.search, state.search.trim());
  return params;
}

export function isFiltered(state: ProviderFilterState): boolean {
  return Boolean(state.municipalityCode || state.ownership.length > 0 || state.search);
}

/** The GraphQL filter; only the given conditions, always in the same shape. */
export function toGraphQLFilter(state: ProviderFilterState): ProviderFilter {
  const filter: ProviderFilter = {};
  if (state.municipalityCode) filter.municipalityCode = state.municipalityCode;
  if (state.ownership.length > 0) filter.ownership = state.ownership;
  if (state.search) filter.search = state.search;
  return filter;
}
