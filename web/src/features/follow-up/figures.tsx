import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../gql';
import type { AnnualFiguresView_FiguresFragment, NeutralityFiguresView_FiguresFragment, Ownership } from '../../gql/graphql';
import { formatNumber, formatPercent } from '../../shared/format';
import { useFormat } from '../../shared/hooks/useFormat';
import { TableScroll } from '../../shared/ui/TableScroll';
import { csvFileName, downloadText, toCsv } from './csv';
import './follow-up.css';

/** The year of a public report in its address: /konkurrensneutralitet?ar=2024. */
export const YEAR_PARAM = 'ar';

export const NeutralityFiguresFragment = graphql(`
  fragment NeutralityFiguresView_figures on NeutralityFigures {
    year
    computedAt
    rounds
    compensationTotal
    reimbursement {
      municipalityCode
      municipalityName
      ownership
      units
      unitsWithListing
      listedPersons
      reimbursement
      perListedPerson
    }
    compensation {
      obligationId
      municipalityName
      choiceSystemName
      unitName
      providerName
      ownership
      amount
      decisionReference
      decidedOn
    }
    indicators {
      indicatorCode
      indicatorName
      unit
      ownership
      count
      mean
      median
      target
      meetingTarget
    }
    review {
      group
      reports
      reviewed
      medianDaysToDecision
      returnedShare
      threadsPerReport
      remindersPerReport
      overdueShare
    }
  }
`);

export const AnnualFiguresFragment = graphql(`
  fragment AnnualFiguresView_figures on AnnualReportFigures {
    year
    computedAt
    goals {
      goalCode
      goalTitle
      ownership
      met
      partlyMet
      notMet
      notAssessed
    }
    indicators {
      indicatorCode
      indicatorName
      unit
      ownership
      count
      mean
      median
      target
      meetingTarget
    }
    rounds {
      name
      period
      dueAt
      reports
      submitted
      submittedOnTime
      onTimeShare
    }
    timeliness {
      ownership
      reports
      submitted
      submittedOnTime
      onTimeShare
    }
    insight {
      received
      decided
      medianDaysToDecision
      disclosed
      partlyDisclosed
      refused
    }
    neutrality {
      version
      decisionReference
      adoptedOn
      perListedPersonInHouse
      perListedPersonPrivate
      compensationTotal
      medianReviewDaysInHouse
      medianReviewDaysPrivate
      overdueShareInHouse
      overdueSharePrivate
    }
  }
`);

type Cell = string | number | null;
interface Column {
  label: string;
  numeric?: boolean;
}

/**
 * A table of the report with a caption, that scrolls sideways inside its box on narrow screens,
 * and a button that downloads the same table as CSV (made in the browser; the numbers unformatted).
 */
export function ReportTable({
  id,
  title,
  fileTitle,
  columns,
  rows,
  csvRows,
  footer,
}: {
  id: string;
  title: string;
  fileTitle: string;
  columns: Column[];
  rows: ReactNode[][];
  csvRows: Cell[][];
  footer?: ReactNode[];
}) {
  const { t } = useTranslation('followUp');
  return (
    <div className="fu-table" data-testid={`table-${id}`}>
      <TableScroll label={title}>
        <table className="table">
          <caption>{title}</caption>
          <thead>
            <tr>
              {columns.map((c, i) => (
                <th key={i} scope="col" className={c.numeric ? 'num' : undefined}>
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={i}>
                {r.map((cell, j) =>
                  j === 0 ? (
                    <th key={j} scope="row">
                      {cell}
                    </th>
                  ) : (
                    <td key={j} className={columns[j]?.numeric ? 'num' : undefined}>
                      {cell}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
          {footer && (
            <tfoot>
              <tr>
                {footer.map((cell, j) =>
                  j === 0 ? (
                    <th key={j} scope="row">
                      {cell}
                    </th>
                  ) : (
                    <td key={j} className={columns[j]?.numeric ? 'num' : undefined}>
                      {cell}
                    </td>
                  ),
                )}
              </tr>
            </tfoot>
          )}
        </table>
      </TableScroll>
      <p className="fu-no-print">
        <button
          type="button"
          className="button button--secondary button--small"
          aria-label={t('common.csvNamed', { table: title })}
          onClick={() => downloadText(csvFileName(fileTitle), toCsv(columns.map((c) => c.label), csvRows))}
        >
          {t('common.csv')}
        </button>
      </p>
    </div>
  );
}

/**
 * Horizontal bars with their values written beside them, in SVG. The table next to it holds the
 * same figures, so the picture itself is hidden from screen readers.
 */
export function BarChart({ title, bars }: { title: string; bars: { label: string; value: number; text: string; tone: string }[] }) {
  const { t } = useTranslation('followUp');
  const max = Math.max(1, ...bars.map((b) => b.value));
  const row = 34;
  const height = bars.length * row + 8;
  return (
    <figure className="fu-chart">
      <figcaption>
        <strong>{title}</strong> <span className="fu-chart__note">{t('common.chartNote')}</span>
      </figcaption>
      <svg viewBox={`0 0 400 ${height}`} width="100%" aria-hidden="true" focusable="false" className="fu-chart__svg">
        {bars.map((b, i) => {
          const width = Math.max(2, (b.value / max) * 230);
          const y = i * row + 4;
          return (
            <g key={i}>
              <text x="0" y={y + 18} className="fu-chart__label">
                {b.label}
              </text>
              <rect x="120" y={y + 4} width={width} height="20" className={`fu-bar fu-bar--${b.tone}`} />
              <text x={124 + width} y={y + 19} className="fu-chart__value">
                {b.text}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}

const tone = (ownership: string) => ownership.toLowerCase().replace('_', '-');

/** Formatters of the report: kronor, shares (0–1) as per cent, plain numbers; a dash for nothing. */
export function useReportFormat() {
  const format = useFormat();
  const { t } = useTranslation('followUp');
  const dash = t('common.none');
  return {
    ...format,
    dash,
    kr: (v: number | null | undefined) => (v === null || v === undefined ? dash : formatNumber(v, format.language, 0)),
    num: (v: number | null | undefined, digits = 1) => (v === null || v === undefined ? dash : formatNumber(v, format.language, digits)),
    share: (v: number | null | undefined) => (v === null || v === undefined ? dash : formatPercent(v * 100, format.language)),
  };
}

/** The figures of a neutrality report: four tables, a bar chart of the county's reimbursement per listed person. */
export function NeutralityFiguresView({ figures, fileTitle }: { figures: NeutralityFiguresView_FiguresFragment; fileTitle: string }) {
  const { t } = useTranslation('followUp');
  const f = useReportFormat();
  const own = (o: Ownership) => t(`ownership.${o}`);
  const county = figures.reimbursement.filter((r) => r.municipalityCode === null);
  return (
    <div className="fu-figures">
      <section className="fu-section">
        <h2 id="fu-reimbursement">{t('neutrality.reimbursementHeading')}</h2>
        <p>{t('neutrality.reimbursementLead')}</p>
        {county.some((r) => r.perListedPerson !== null) && (
          <BarChart
            title={t('neutrality.chartTitle')}
            bars={county
              .filter((r) => r.perListedPerson !== null)
              .map((r) => ({ label: own(r.ownership), value: r.perListedPerson!, text: f.kr(r.perListedPerson), tone: tone(r.ownership) }))}
          />
        )}
        <ReportTable
          id="reimbursement"
          title={t('neutrality.reimbursementHeading')}
          fileTitle={`${fileTitle} ${t('neutrality.reimbursementHeading')}`}
          columns={[
            { label: t('neutrality.municipality') },
            { label: t('neutrality.ownership') },
            { label: t('neutrality.units'), numeric: true },
            { label: t('neutrality.unitsWithListing'), numeric: true },
            { label: t('neutrality.listed'), numeric: true },
            { label: t('neutrality.reimbursement'), numeric: true },
            { label: t('neutrality.perListed'), numeric: true },
          ]}
          rows={figures.reimbursement.map((r) => [
            r.municipalityName ?? t('common.county'),
            own(r.ownership),
            f.num(r.units, 0),
            f.num(r.unitsWithListing, 0),
            f.num(r.listedPersons, 0),
            f.kr(r.reimbursement),
            f.kr(r.perListedPerson),
          ])}
          csvRows={figures.reimbursement.map((r) => [
            r.municipalityName ?? t('common.county'),
            own(r.ownership),
            r.units,
            r.unitsWithListing,
            r.listedPersons,
            r.reimbursement,
            r.perListedPerson ?? null,
          ])}
        />
      </section>

      <section className="fu-section">
        <h2 id="fu-compensation">{t('neutrality.compensationHeading')}</h2>
        <p>{t('neutrality.compensationLead')}</p>
        {figures.compensation.length === 0 ? (
          <p>{t('neutrality.noCompensation')}</p>
        ) : (
          <ReportTable
            id="compensation"
            title={t('neutrality.compensationHeading')}
            fileTitle={`${fileTitle} ${t('neutrality.compensationHeading')}`}
            columns={[
              { label: t('neutrality.municipality') },
              { label: t('neutrality.choiceSystem') },
              { label: t('neutrality.unit') },
              { label: t('neutrality.provider') },
              { label: t('neutrality.ownership') },
              { label: t('neutrality.amount'), numeric: true },
              { label: t('neutrality.decisionReference') },
              { label: t('neutrality.decidedOn') },
            ]}
            rows={figures.compensation.map((c) => [
              c.municipalityName,
              c.choiceSystemName,
              c.unitName,
              c.providerName,
              own(c.ownership),
              f.kr(c.amount),
              c.decisionReference,
              c.decidedOn ? f.date(c.decidedOn) : f.dash,
            ])}
            csvRows={figures.compensation.map((c) => [
              c.municipalityName,
              c.choiceSystemName,
              c.unitName,
              c.providerName,
              own(c.ownership),
              c.amount,
              c.decisionReference,
              c.decidedOn ?? null,
            ])}
            footer={[t('neutrality.total'), '', '', '', '', f.kr(figures.compensationTotal), '', '']}
          />
        )}
      </section>

      <section className="fu-section">
        <h2 id="fu-indicators">{t('neutrality.indicatorsHeading')}</h2>
        <p>{t('neutrality.indicatorsLead')}</p>
        <IndicatorTable rows={figures.indicators} id="indicators" title={t('neutrality.indicatorsHeading')} fileTitle={`${fileTitle} ${t('neutrality.indicatorsHeading')}`} />
      </section>

      <section className="fu-section">
        <h2 id="fu-review">{t('neutrality.reviewHeading')}</h2>
        <p>{t('neutrality.reviewLead', { count: figures.rounds })}</p>
        <ReportTable
          id="review"
          title={t('neutrality.reviewHeading')}
          fileTitle={`${fileTitle} ${t('neutrality.reviewHeading')}`}
          columns={[
            { label: t('neutrality.group') },
            { label: t('neutrality.reports'), numeric: true },
            { label: t('neutrality.reviewed'), numeric: true },
            { label: t('neutrality.medianDays'), numeric: true },
            { label: t('neutrality.returned'), numeric: true },
            { label: t('neutrality.threads'), numeric: true },
            { label: t('neutrality.reminders'), numeric: true },
            { label: t('neutrality.overdue'), numeric: true },
          ]}
          rows={figures.review.map((r) => [
            t(`group.${r.group}`),
            f.num(r.reports, 0),
            f.num(r.reviewed, 0),
            f.num(r.medianDaysToDecision),
            f.share(r.returnedShare),
            f.num(r.threadsPerReport, 2),
            f.num(r.remindersPerReport, 2),
            f.share(r.overdueShare),
          ])}
          csvRows={figures.review.map((r) => [
            t(`group.${r.group}`),
            r.reports,
            r.reviewed,
            r.medianDaysToDecision ?? null,
            r.returnedShare ?? null,
            r.threadsPerReport ?? null,
            r.remindersPerReport ?? null,
            r.overdueShare ?? null,
          ])}
        />
        <p className="fu-note">{t('neutrality.reviewNote')}</p>
        <p className="fu-note">{t('common.privateNote')}</p>
      </section>
    </div>
  );
}

function IndicatorTable({ rows, id, title, fileTitle }: { rows: NeutralityFiguresView_FiguresFragment['indicators']; id: string; title: string; fileTitle: string }) {
  const { t } = useTranslation('followUp');
  const f = useReportFormat();
  if (rows.length === 0) return <p>{t('neutrality.noIndicators')}</p>;
  const value = (v: number | null | undefined, unit: string) => (v === null || v === undefined ? f.dash : unit === 'PERCENT' ? f.percent(v) : f.num(v));
  return (
    <ReportTable
      id={id}
      title={title}
      fileTitle={fileTitle}
      columns={[
        { label: t('neutrality.indicator') },
        { label: t('neutrality.ownership') },
        { label: t('neutrality.count'), numeric: true },
        { label: t('neutrality.mean'), numeric: true },
        { label: t('neutrality.median'), numeric: true },
        { label: t('neutrality.target'), numeric: true },
        { label: t('neutrality.meetingTarget'), numeric: true },
      ]}
      rows={rows.map((r) => [
        <span lang="sv">{r.indicatorName}</span>,
        t(`ownership.${r.ownership}`),
        f.num(r.count, 0),
        value(r.mean, r.unit),
        value(r.median, r.unit),
        value(r.target, r.unit),
        r.target === null || r.target === undefined ? f.dash : f.num(r.meetingTarget, 0),
      ])}
      csvRows={rows.map((r) => [r.indicatorName, t(`ownership.${r.ownership}`), r.count, r.mean ?? null, r.median ?? null, r.target ?? null, r.meetingTarget])}
    />
  );
}

/** The figures of an annual report: goals, indicators, rounds and timeliness, insight, neutrality in brief. */
export function AnnualFiguresView({ figures, fileTitle }: { figures: AnnualFiguresView_FiguresFragment; fileTitle: string }) {
  const { t } = useTranslation('followUp');
  const f = useReportFormat();
  const own = (o: Ownership) => t(`ownership.${o}`);
  const n = figures.neutrality;
  const keyRows: [string, string, number | null | undefined][] = [
    [t('annual.perListedInHouse'), f.kr(n.perListedPersonInHouse), n.perListedPersonInHouse],
    [t('annual.perListedPrivate'), f.kr(n.perListedPersonPrivate), n.perListedPersonPrivate],
    [t('annual.compensationTotal'), f.kr(n.compensationTotal), n.compensationTotal],
    [t('annual.reviewDaysInHouse'), f.num(n.medianReviewDaysInHouse), n.medianReviewDaysInHouse],
    [t('annual.reviewDaysPrivate'), f.num(n.medianReviewDaysPrivate), n.medianReviewDaysPrivate],
    [t('annual.overdueInHouse'), f.share(n.overdueShareInHouse), n.overdueShareInHouse],
    [t('annual.overduePrivate'), f.share(n.overdueSharePrivate), n.overdueSharePrivate],
  ];
  const insight = figures.insight;
  return (
    <div className="fu-figures">
      <section className="fu-section">
        <h3 id="fu-goals">{t('annual.goalsHeading')}</h3>
        {figures.goals.length === 0 ? (
          <p>{t('annual.noGoals')}</p>
        ) : (
          <ReportTable
            id="goals"
            title={t('annual.goalsHeading')}
            fileTitle={`${fileTitle} ${t('annual.goalsHeading')}`}
            columns={[
              { label: t('annual.goal') },
              { label: t('neutrality.ownership') },
              { label: t('annual.met'), numeric: true },
              { label: t('annual.partlyMet'), numeric: true },
              { label: t('annual.notMet'), numeric: true },
              { label: t('annual.notAssessed'), numeric: true },
            ]}
            rows={figures.goals.map((g) => [
              <span lang="sv">{`${g.goalCode} ${g.goalTitle}`}</span>,
              own(g.ownership),
              f.num(g.met, 0),
              f.num(g.partlyMet, 0),
              f.num(g.notMet, 0),
              f.num(g.notAssessed, 0),
            ])}
            csvRows={figures.goals.map((g) => [`${g.goalCode} ${g.goalTitle}`, own(g.ownership), g.met, g.partlyMet, g.notMet, g.notAssessed])}
          />
        )}
      </section>

      <section className="fu-section">
        <h3 id="fu-annual-indicators">{t('annual.indicatorsHeading')}</h3>
        <IndicatorTable rows={figures.indicators} id="annual-indicators" title={t('annual.indicatorsHeading')} fileTitle={`${fileTitle} ${t('annual.indicatorsHeading')}`} />
      </section>

      <section className="fu-section">
        <h3 id="fu-rounds">{t('annual.roundsHeading')}</h3>
        {figures.rounds.length === 0 ? (
          <p>{t('annual.noRounds')}</p>
        ) : (
          <ReportTable
            id="rounds"
            title={t('annual.roundsHeading')}
            fileTitle={`${fileTitle} ${t('annual.roundsHeading')}`}
            columns={[
              { label: t('annual.round') },
              { label: t('annual.period') },
              { label: t('annual.dueAt') },
              { label: t('neutrality.reports'), numeric: true },
              { label: t('annual.submitted'), numeric: true },
              { label: t('annual.onTime'), numeric: true },
              { label: t('annual.onTimeShare'), numeric: true },
            ]}
            rows={figures.rounds.map((r) => [
              <span lang="sv">{r.name}</span>,
              r.period,
              f.date(r.dueAt.slice(0, 10)),
              f.num(r.reports, 0),
              f.num(r.submitted, 0),
              f.num(r.submittedOnTime, 0),
              f.share(r.onTimeShare),
            ])}
            csvRows={figures.rounds.map((r) => [r.name, r.period, r.dueAt.slice(0, 10), r.reports, r.submitted, r.submittedOnTime, r.onTimeShare ?? null])}
          />
        )}
        {figures.timeliness.length > 0 && (
          <>
            <BarChart
              title={t('annual.chartTitle')}
              bars={figures.timeliness.map((r) => ({
                label: own(r.ownership),
                value: (r.onTimeShare ?? 0) * 100,
                text: f.share(r.onTimeShare),
                tone: tone(r.ownership),
              }))}
            />
            <ReportTable
              id="timeliness"
              title={t('annual.timelinessHeading')}
              fileTitle={`${fileTitle} ${t('annual.timelinessHeading')}`}
              columns={[
                { label: t('neutrality.ownership') },
                { label: t('neutrality.reports'), numeric: true },
                { label: t('annual.submitted'), numeric: true },
                { label: t('annual.onTime'), numeric: true },
                { label: t('annual.onTimeShare'), numeric: true },
              ]}
              rows={figures.timeliness.map((r) => [own(r.ownership), f.num(r.reports, 0), f.num(r.submitted, 0), f.num(r.submittedOnTime, 0), f.share(r.onTimeShare)])}
              csvRows={figures.timeliness.map((r) => [own(r.ownership), r.reports, r.submitted, r.submittedOnTime, r.onTimeShare ?? null])}
            />
          </>
        )}
      </section>

      <section className="fu-section">
        <h3 id="fu-insight">{t('annual.insightHeading')}</h3>
        <ReportTable
          id="insight"
          title={t('annual.insightHeading')}
          fileTitle={`${fileTitle} ${t('annual.insightHeading')}`}
          columns={[{ label: t('annual.measure') }, { label: t('annual.value'), numeric: true }]}
          rows={[
            [t('annual.received'), f.num(insight.received, 0)],
            [t('annual.decided'), f.num(insight.decided, 0)],
            [t('annual.medianDaysInsight'), f.num(insight.medianDaysToDecision)],
            [t('annual.disclosed'), f.num(insight.disclosed, 0)],
            [t('annual.partlyDisclosed'), f.num(insight.partlyDisclosed, 0)],
            [t('annual.refused'), f.num(insight.refused, 0)],
          ]}
          csvRows={[
            [t('annual.received'), insight.received],
            [t('annual.decided'), insight.decided],
            [t('annual.medianDaysInsight'), insight.medianDaysToDecision ?? null],
            [t('annual.disclosed'), insight.disclosed],
            [t('annual.partlyDisclosed'), insight.partlyDisclosed],
            [t('annual.refused'), insight.refused],
          ]}
        />
      </section>

      <section className="fu-section">
        <h3 id="fu-neutrality">{t('annual.neutralityHeading')}</h3>
        <p>
          {n.version && n.decisionReference
            ? t('annual.neutralityFrom', { version: t('common.version', { version: n.version }), reference: n.decisionReference })
            : t('annual.neutralityLive')}
        </p>
        <ReportTable
          id="neutrality-key"
          title={t('annual.neutralityHeading')}
          fileTitle={`${fileTitle} ${t('annual.neutralityHeading')}`}
          columns={[{ label: t('annual.measure') }, { label: t('annual.value'), numeric: true }]}
          rows={keyRows.map(([label, text]) => [label, text])}
          csvRows={keyRows.map(([label, , value]) => [label, value ?? null])}
        />
        <p className="fu-note">{t('common.privateNote')}</p>
      </section>
    </div>
  );
}

/** A section's free text: paragraphs separated by blank lines. */
export function Paragraphs({ text }: { text: string }) {
  return (
    <>
      {text
        .split(/\n\s*\n/)
        .map((p) => p.trim())
        .filter(Boolean)
        .map((p, i) => (
          <p key={i}>{p}</p>
        ))}
    </>
  );
}
