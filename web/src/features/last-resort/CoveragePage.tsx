import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../gql';
import type { Ownership } from '../../gql/graphql';
import { useDocumentTitle } from '../../shared/hooks/useDocumentTitle';
import { useFormat } from '../../shared/hooks/useFormat';
import { PageHeader } from '../../shared/ui/PageHeader';
import { ErrorNotice, Loading } from '../../shared/ui/QueryStates';
import { TableScroll } from '../../shared/ui/TableScroll';
import { YearSelect } from '../../shared/ui/YearSelect';
import { LastResortNav } from './LastResortNav';

export const CoverageQuery = graphql(`
  query LastResortCoverage($year: Int!) {
    lastResortCoverage(year: $year) {
      municipality { code name }
      soleProvider
      listedPersons
      listedByOwnership { ownership units listedPersons }
      unitCoverage { unit { id name } ownership listedPersons }
      choiceSystems {
        choiceSystemCode
        choiceSystemName
        unitCount
        soleProvider
        obligation { id unit { id name } openingDaysPerWeek decisionReference }
        singlePointOfFailure { id name }
      }
    }
  }
`);

const OWNERSHIPS: Ownership[] = ['IN_HOUSE' as Ownership, 'PRIVATE' as Ownership, 'PUBLIC_COMPANY' as Ownership, 'NON_PROFIT' as Ownership];
/** One colour per ownership, in the chart and its legend. */
const OWNERSHIP_COLOUR: Record<string, string> = { IN_HOUSE: '#1f5f8b', PRIVATE: '#b35c00', PUBLIC_COMPANY: '#6b4c9a', NON_PROFIT: '#4a7a3a' };
const YEARS = [2024, 2025, 2026];

/** Coverage per year: every municipality, its units by ownership, listed persons, and where one closure would leave no care. */
export default function CoveragePage() {
  const { t } = useTranslation('lastResort');
  useDocumentTitle(t('title'));
  const format = useFormat();
  const [year, setYear] = useState(2025);
  const { data, error, refetch } = useQuery(CoverageQuery, { variables: { year } });
  const rows = data?.lastResortCoverage ?? [];
  const max = Math.max(1, ...rows.map((r) => r.listedByOwnership.reduce((s, o) => s + o.listedPersons, 0)));
  return (
    <div className="page">
      <PageHeader title={t('title')} lead={t('lead')} />
      <LastResortNav />
      <YearSelect label={t('year')} value={year} onChange={setYear} years={YEARS} testId="coverage-year" />
      {!data && !error && <Loading label={t('loading')} />}
      {error && <ErrorNotice onRetry={() => void refetch()} />}
      {data && (
        <>
          <TableScroll label={t('coverage.tableLabel', { year })}>
            <table className="table table--full" data-testid="coverage-table">
              <caption>{t('coverage.tableLabel', { year })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('coverage.municipality')}</th>
                  <th scope="col">{t('coverage.units')}</th>
                  <th scope="col" className="num">{t('coverage.listed')}</th>
                  <th scope="col">{t('coverage.holder')}</th>
                  <th scope="col">{t('coverage.sole')}</th>
                  <th scope="col">{t('coverage.atRisk')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((m) => (
                  <tr key={m.municipality.code}>
                    <th scope="row">{m.municipality.name}</th>
                    <td>
                      {m.unitCoverage.length === 0 && t('coverage.noUnits')}
                      {OWNERSHIPS.filter((o) => m.unitCoverage.some((u) => u.ownership === o)).map((o) => (
                        <div key={o}>
                          <strong>{t(`ownership.${o}`)}:</strong>{' '}
                          {m.unitCoverage
                            .filter((u) => u.ownership === o)
                            .map((u) => `${u.unit.name} (${u.listedPersons === null || u.listedPersons === undefined ? t('coverage.noData') : format.number(u.listedPersons)})`)
                            .join(', ')}
                        </div>
                      ))}
                    </td>
                    <td className="num">{m.listedPersons === null || m.listedPersons === undefined ? t('coverage.noData') : format.number(m.listedPersons)}</td>
                    <td>
                      {m.choiceSystems.filter((c) => c.obligation).length === 0 && t('coverage.noObligation')}
                      {m.choiceSystems
                        .filter((c) => c.obligation)
                        .map((c) => (
                          <div key={c.choiceSystemCode}>
                            <span lang="sv">{c.choiceSystemName}</span>: {c.obligation!.unit.name}
                            {c.obligation!.openingDaysPerWeek ? ` (${t('coverage.openingDays', { count: c.obligation!.openingDaysPerWeek })})` : ''}
                          </div>
                        ))}
                    </td>
                    <td>
                      {m.choiceSystems.filter((c) => c.soleProvider).length === 0
                        ? t('coverage.soleNo')
                        : m.choiceSystems
                            .filter((c) => c.soleProvider)
                            .map((c) => (
                              <div key={c.choiceSystemCode}>{t('coverage.soleYes', { system: c.choiceSystemName })}</div>
                            ))}
                    </td>
                    <td>
                      {m.choiceSystems.filter((c) => c.singlePointOfFailure).length === 0
                        ? t('coverage.atRiskNone')
                        : m.choiceSystems
                            .filter((c) => c.singlePointOfFailure)
                            .map((c) => (
                              <div key={c.choiceSystemCode}>
                                {t('coverage.atRiskUnits', { unit: c.singlePointOfFailure!.name, system: c.choiceSystemName })}
                              </div>
                            ))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          <figure className="chart">
            <figcaption>
              {t('coverage.chartTitle', { year })}. {t('coverage.chartNote')}
            </figcaption>
            <svg viewBox={`0 0 400 ${rows.length * 28 + 10}`} width="100%" role="img" aria-label={t('coverage.chartTitle', { year })}>
              {rows.map((m, i) => {
                let x = 110;
                return (
                  <g key={m.municipality.code} transform={`translate(0, ${i * 28 + 5})`}>
                    <text x="0" y="16" fontSize="11" fill="currentColor">
                      {m.municipality.name}
                    </text>
                    {m.listedByOwnership.map((o) => {
                      const w = (o.listedPersons / max) * 280;
                      const rect = (
                        <rect key={o.ownership} x={x} y="4" width={w} height="16" className={`chart__bar chart__bar--${o.ownership.toLowerCase()}`}
                          fill={OWNERSHIP_COLOUR[o.ownership]}>
                          <title>{`${t(`ownership.${o.ownership}`)}: ${format.number(o.listedPersons)}`}</title>
                        </rect>
                      );
                      x += w;
                      return rect;
                    })}
                  </g>
                );
              })}
            </svg>
            <ul className="chart__legend">
              {OWNERSHIPS.filter((o) => rows.some((m) => m.listedByOwnership.some((l) => l.ownership === o))).map((o) => (
                <li key={o}>
                  <span aria-hidden="true" style={{ display: 'inline-block', width: 12, height: 12, marginRight: 4, background: OWNERSHIP_COLOUR[o] }} />
                  {t(`ownership.${o}`)}
                </li>
              ))}
            </ul>
          </figure>
        </>
      )}
    </div>
  );
}
