import { useEffect, useId, useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { Ownerships, type Ownership } from '@insyn/shared';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../gql';
import type { ProviderFilterState } from './filters';
import { orgNumberSearchProblem } from './orgNumberHint';

const ProviderFiltersQuery = graphql(`
  query ProviderFilters {
    municipalities {
      code
      name
    }
  }
`);

/**
 * Search, municipality and ownership. The select and the checkboxes apply at once (the result
 * count below is announced); the search text applies when the form is sent.
 */
export function ProviderFilters({ value, onChange }: { value: ProviderFilterState; onChange: (next: ProviderFilterState) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const { data, error } = useQuery(ProviderFiltersQuery);
  const [search, setSearch] = useState(value.search);
  useEffect(() => setSearch(value.search), [value.search]);
  const problem = orgNumberSearchProblem(value.search);
  const searchId = `${id}-search`;
  const problemId = `${id}-search-problem`;
  const municipalities = data?.municipalities ?? [];
  // Keep a municipality from the URL selectable while the list loads.
  const knownMunicipality = municipalities.some((m) => m.code === value.municipalityCode);

  const toggle = (ownership: Ownership, checked: boolean) => {
    const set = new Set(value.ownership);
    if (checked) set.add(ownership);
    else set.delete(ownership);
    onChange({ ...value, ownership: Ownerships.filter((o) => set.has(o)) });
  };

  return (
    <section className="filters panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="filters__heading">
        {t('providers.filtersHeading')}
      </h2>
      <form
        role="search"
        className="filters__search"
        onSubmit={(event) => {
          event.preventDefault();
          onChange({ ...value, search: search.trim() });
        }}
      >
        <label htmlFor={searchId}>{t('providers.search')}</label>
        {problem && (
          <p className="field-error" id={problemId} data-testid="search-error">
            <span aria-hidden="true" className="field-error__icon">
              !
            </span>
            {t(`orgNumber.${problem}`)}
          </p>
        )}
        <div className="search-row">
          <input
            id={searchId}
            name="sok"
            data-testid="filter-search"
            type="search"
            value={search}
            onChange={(event) => setSearch(event.target.value)}
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? problemId : undefined}
            autoComplete="off"
            maxLength={100}
          />
          <button type="submit" className="button button--primary">
            {t('providers.searchButton')}
          </button>
        </div>
      </form>

      <div className="field">
        <label htmlFor={`${id}-municipality`}>{t('providers.municipality')}</label>
        <select
          id={`${id}-municipality`}
          name="kommun"
          data-testid="filter-municipality"
          value={value.municipalityCode}
          onChange={(event) => onChange({ ...value, municipalityCode: event.target.value })}
          aria-describedby={error ? `${id}-municipality-error` : undefined}
        >
          <option value="">{t('providers.allMunicipalities')}</option>
          {value.municipalityCode && !knownMunicipality && (
            <option value={value.municipalityCode}>{value.municipalityCode}</option>
          )}
          {municipalities.map((m) => (
            <option key={m.code} value={m.code}>
              {m.name}
            </option>
          ))}
        </select>
        {error && (
          <p className="field-error" id={`${id}-municipality-error`}>
            {t('providers.municipalitiesError')}
          </p>
        )}
      </div>

      <fieldset className="field checkbox-group">
        <legend>{t('providers.ownership')}</legend>
        {Ownerships.map((ownership) => (
          <div className="checkbox" key={ownership}>
            <input
              type="checkbox"
              id={`${id}-ownership-${ownership}`}
              name="driftform"
              data-testid={`filter-ownership-${ownership}`}
              value={ownership}
              checked={value.ownership.includes(ownership)}
              onChange={(event) => toggle(ownership, event.target.checked)}
            />
            <label htmlFor={`${id}-ownership-${ownership}`}>{t(`ownership.${ownership}`)}</label>
          </div>
        ))}
      </fieldset>

      {(value.municipalityCode || value.ownership.length > 0 || value.search) && (
        <button
          type="button"
          className="button button--link"
          onClick={() => onChange({ municipalityCode: '', ownership: [], search: '' })}
        >
          {t('providers.clearFilters')}
        </button>
      )}
    </section>
  );
}
