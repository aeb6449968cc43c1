import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../gql';
import type { AnnualFiguresView_FiguresFragment, AnnualReportSectionKey, IndicatorTable_RowFragment, NeutralityFiguresView_FiguresFragment, Ownership } from '../../gql/graphql';
import { formatNumber, formatPercent } from '../../shared/format';
import { useFormat } from '../../shared/hooks/useFormat';
import { TableScroll } from '../../shared/ui/TableScroll';
import { csvFileName, downloadText, toCsv } from './csv';
import './follow-up.css';

/** The year of a public report in its address: /konkurrensneutralitet?ar=2024. */
export const YEAR_PARAM = 'ar';

/** A row of the indicator tables, the same in both reports. */
export const IndicatorRowFragment = graphql(`
  fragment IndicatorTable_row on IndicatorOwnershipRow {
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
`);

export const NeutralityFiguresFragment = graphql(`
  fragment NeutralityFiguresView_figures on NeutralityFigures {
    year
    computedAt
    rounds
    compensationTotal
    reimbursement {
      choiceSystemCode
      choiceSystemName
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
      ...IndicatorTable_row
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
      ...IndicatorTable_row
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
      perListedPerson {
        choiceSystemCode
        choiceSystemName
        inHouse
        private
      }
      compensationTotal
      medianReviewDaysInHouse
      medianReviewDaysPrivate
      overdueShareInHouse
      overdueSharePrivate
    }
  }
`);

/** What the public page and the region's page both read of an annual report: its state, texts and figures. */
export const AnnualReportFragment = graphql(`
  fragment AnnualReportView_report on AnnualReport {
    id
    year
    status
    decisionReference
    adoptedOn
    publishedAt
    sections {
      key
      text
    }
    figures {
      ...AnnualFiguresView_figures
    }
  }
`);

type Cell = string | number | null;

/**
 * A column of a report table: its heading, the unformatted value the CSV file gets, and what the
 * page shows when that differs from the value (formatted numbers, a dash for nothing, Swedish names).
 */
export interface Column<T> {
  label: string;
  numeric?: boolean;
  value: (row: T) => Cell;
  show?: (row: T) => ReactNode;
}

/** The kinds of column the report's tables have, for rows of type T. */
function columnKinds<T>(f: ReportFormat) {
  const number =
    (format: (v: number | null | undefined) => string) =>
    (label: string, get: (row: T) => number | null | undefined): Column<T> => ({
      label,
      numeric: true,
      value: (r) => get(r) ?? null,
      show: (r) => format(get(r)),
    });
  return {
    text: (label: string, get: (row: T) => string | null): Column<T> => ({ label, value: get }),
    /** A name that is Swedish whatever the page's language. */
    swedish: (label: string, get: (row: T) => string): Column<T> => ({ label, value: get, show: (r) => <span lang="sv">{get(r)}</span> }),
    date: (label: string, get: (row: T) => string | null): Column<T> => ({ label, value: get, show: (r) => (get(r) ? f.date(get(r)!) : f.dash) }),
    count: number((v) => f.num(v, 0)),
    decimal: (label: string, get: (row: T) => number | null | undefined, digits = 1) => number((v) => f.num(v, digits))(label, get),
    kr: number(f.kr),
    share: number(f.share),
  };
}
type ColumnKinds<T> = ReturnType<typeof columnKinds<T>>;

/** One row of a table's body or foot: the first cell heads the row. */
function Cells({ cells, columns }: { cells: ReactNode[]; columns: { numeric?: boolean }[] }) {
  return (
    <tr>
      {cells.map((cell, j) =>
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
  );
}

/**
 * A table of the report with a caption, that scrolls sideways inside its box on narrow screens,
 * and a button that downloads the same table as CSV (made in the browser; the numbers unformatted).
 * The table is declared by its columns, made from the kinds of column (`columns={(c) => [c.count(…), …]}`).
 */
export function ReportTable<T>({
  id,
  title,
  fileTitle,
  columns: declare,
  rows,
  footer,
  empty,
}: {
  id: string;
  title: string;
  /** The report's title: the CSV file is named by it and the table's title. */
  fileTitle: string;
  columns: (kinds: ColumnKinds<T>) => Column<T>[];
  rows: readonly T[];
  footer?: ReactNode[];
  /** Said instead of the table when there are no rows. */
  empty?: string;
}) {
  const { t } = useTranslation('followUp');
  const f = useReportFormat();
  if (empty !== undefined && rows.length === 0) return <p>{empty}</p>;
  const columns = declare(columnKinds<T>(f));
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
              <Cells key={i} columns={columns} cells={columns.map((c) => (c.show ?? c.value)(r))} />
            ))}
          </tbody>
          {footer && (
            <tfoot>
              <Cells columns={columns} cells={footer} />
            </tfoot>
          )}
        </table>
      </TableScroll>
      <p className="no-print">
        <button
          type="button"
          className="button button--secondary button--small"
          aria-label={t('common.csvNamed', { table: title })}
          onClick={() =>
            downloadText(
              csvFileName(`${fileTitle} ${title}`),
              toCsv(
                columns.map((c) => c.label),
                rows.map((r) => columns.map((c) => c.value(r))),
              ),
            )
          }
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

type ReportFormat = ReturnType<typeof useReportFormat>;

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
        {[...new Set(county.filter((r) => r.perListedPerson !== null && r.choiceSystemName).map((r) => r.choiceSystemName!))].map((system) => (
          <BarChart
            key={system}
            title={t('neutrality.chartTitle', { system })}
            bars={county
              .filter((r) => r.perListedPerson !== null && r.choiceSystemName === system)
              .map((r) => ({ label: own(r.ownership), value: r.perListedPerson!, text: f.kr(r.perListedPerson), tone: tone(r.ownership) }))}
          />
        ))}
        <ReportTable
          id="reimbursement"
          title={t('neutrality.reimbursementHeading')}
          fileTitle={fileTitle}
          rows={figures.reimbursement}
          columns={(c) => [
            c.text(t('neutrality.choiceSystem'), (r) => r.choiceSystemName ?? t('neutrality.noChoiceSystem')),
            c.text(t('neutrality.municipality'), (r) => r.municipalityName ?? t('common.county')),
            c.text(t('neutrality.ownership'), (r) => own(r.ownership)),
            c.count(t('neutrality.units'), (r) => r.units),
            c.count(t('neutrality.unitsWithListing'), (r) => r.unitsWithListing),
            c.count(t('neutrality.listed'), (r) => r.listedPersons),
            c.kr(t('neutrality.reimbursement'), (r) => r.reimbursement),
            c.kr(t('neutrality.perListed'), (r) => r.perListedPerson),
          ]}
        />
      </section>

      <section className="fu-section">
        <h2 id="fu-compensation">{t('neutrality.compensationHeading')}</h2>
        <p>{t('neutrality.compensationLead')}</p>
        <ReportTable
          id="compensation"
          title={t('neutrality.compensationHeading')}
          fileTitle={fileTitle}
          rows={figures.compensation}
          columns={(c) => [
            c.text(t('neutrality.municipality'), (r) => r.municipalityName),
            c.text(t('neutrality.choiceSystem'), (r) => r.choiceSystemName),
            c.text(t('neutrality.unit'), (r) => r.unitName),
            c.text(t('neutrality.provider'), (r) => r.providerName),
            c.text(t('neutrality.ownership'), (r) => own(r.ownership)),
            c.kr(t('neutrality.amount'), (r) => r.amount),
            c.text(t('neutrality.decisionReference'), (r) => r.decisionReference),
            c.date(t('neutrality.decidedOn'), (r) => r.decidedOn),
          ]}
          footer={[t('neutrality.total'), '', '', '', '', f.kr(figures.compensationTotal), '', '']}
          empty={t('neutrality.noCompensation')}
        />
      </section>

      <section className="fu-section">
        <h2 id="fu-indicators">{t('neutrality.indicatorsHeading')}</h2>
        <p>{t('neutrality.indicatorsLead')}</p>
        <IndicatorTable rows={figures.indicators} id="indicators" title={t('neutrality.indicatorsHeading')} fileTitle={fileTitle} />
      </section>

      <section className="fu-section">
        <h2 id="fu-review">{t('neutrality.reviewHeading')}</h2>
        <p>{t('neutrality.reviewLead', { count: figures.rounds })}</p>
        <ReportTable
          id="review"
          title={t('neutrality.reviewHeading')}
          fileTitle={fileTitle}
          rows={figures.review}
          columns={(c) => [
            c.text(t('neutrality.group'), (r) => t(`group.${r.group}`)),
            c.count(t('neutrality.reports'), (r) => r.reports),
            c.count(t('neutrality.reviewed'), (r) => r.reviewed),
            c.decimal(t('neutrality.medianDays'), (r) => r.medianDaysToDecision),
            c.share(t('neutrality.returned'), (r) => r.returnedShare),
            c.decimal(t('neutrality.threads'), (r) => r.threadsPerReport, 2),
            c.decimal(t('neutrality.reminders'), (r) => r.remindersPerReport, 2),
            c.share(t('neutrality.overdue'), (r) => r.overdueShare),
          ]}
        />
        <p className="fu-note">{t('neutrality.reviewNote')}</p>
        <p className="fu-note">{t('common.privateNote')}</p>
      </section>
    </div>
  );
}

function IndicatorTable({ rows, id, title, fileTitle }: { rows: readonly IndicatorTable_RowFragment[]; id: string; title: string; fileTitle: string }) {
  const { t } = useTranslation('followUp');
  const f = useReportFormat();
  type Row = (typeof rows)[number];
  /** A figure in the indicator's own unit: per cent or a plain number. */
  const measured = (label: string, get: (r: Row) => number | null): Column<Row> => ({
    label,
    numeric: true,
    value: get,
    show: (r) => {
      const v = get(r);
      return v === null ? f.dash : r.unit === 'PERCENT' ? f.percent(v) : f.num(v);
    },
  });
  return (
    <ReportTable
      id={id}
      title={title}
      fileTitle={fileTitle}
      rows={rows}
      empty={t('neutrality.noIndicators')}
      columns={(c) => [
        c.swedish(t('neutrality.indicator'), (r) => r.indicatorName),
        c.text(t('neutrality.ownership'), (r) => t(`ownership.${r.ownership}`)),
        c.count(t('neutrality.count'), (r) => r.count),
        measured(t('neutrality.mean'), (r) => r.mean),
        measured(t('neutrality.median'), (r) => r.median),
        measured(t('neutrality.target'), (r) => r.target),
        { ...c.count(t('neutrality.meetingTarget'), (r) => r.meetingTarget), show: (r) => (r.target === null || r.target === undefined ? f.dash : f.num(r.meetingTarget, 0)) },
      ]}
    />
  );
}

/** A row of a table of measures: the measure, its value as shown, and its value. */
type Measure = [label: string, text: string, value: number | null];

/** A table of single figures, one a row: the measure and its value. */
function MeasureTable({ id, title, fileTitle, rows }: { id: string; title: string; fileTitle: string; rows: Measure[] }) {
  const { t } = useTranslation('followUp');
  return (
    <ReportTable
      id={id}
      title={title}
      fileTitle={fileTitle}
      rows={rows}
      columns={(c) => [c.text(t('annual.measure'), ([label]) => label), { label: t('annual.value'), numeric: true, value: ([, , value]) => value, show: ([, text]) => text }]}
    />
  );
}

/** The figures of an annual report: goals, indicators, rounds and timeliness, insight, neutrality in brief. */
export function AnnualFiguresView({ figures, fileTitle }: { figures: AnnualFiguresView_FiguresFragment; fileTitle: string }) {
  const { t } = useTranslation('followUp');
  const f = useReportFormat();
  const own = (o: Ownership) => t(`ownership.${o}`);
  const n = figures.neutrality;
  const keyRows: Measure[] = [
    ...n.perListedPerson.flatMap((p): Measure[] => [
      [t('annual.perListedInHouse', { system: p.choiceSystemName }), f.kr(p.inHouse), p.inHouse],
      [t('annual.perListedPrivate', { system: p.choiceSystemName }), f.kr(p.private), p.private],
    ]),
    [t('annual.compensationTotal'), f.kr(n.compensationTotal), n.compensationTotal],
    [t('annual.reviewDaysInHouse'), f.num(n.medianReviewDaysInHouse), n.medianReviewDaysInHouse],
    [t('annual.reviewDaysPrivate'), f.num(n.medianReviewDaysPrivate), n.medianReviewDaysPrivate],
    [t('annual.overdueInHouse'), f.share(n.overdueShareInHouse), n.overdueShareInHouse],
    [t('annual.overduePrivate'), f.share(n.overdueSharePrivate), n.overdueSharePrivate],
  ];
  const insight = figures.insight;
  const insightRows: Measure[] = [
    [t('annual.received'), f.num(insight.received, 0), insight.received],
    [t('annual.decided'), f.num(insight.decided, 0), insight.decided],
    [t('annual.medianDaysInsight'), f.num(insight.medianDaysToDecision), insight.medianDaysToDecision],
    [t('annual.disclosed'), f.num(insight.disclosed, 0), insight.disclosed],
    [t('annual.partlyDisclosed'), f.num(insight.partlyDisclosed, 0), insight.partlyDisclosed],
    [t('annual.refused'), f.num(insight.refused, 0), insight.refused],
  ];
  return (
    <div className="fu-figures">
      <section className="fu-section">
        <h3 id="fu-goals">{t('annual.goalsHeading')}</h3>
        <ReportTable
          id="goals"
          title={t('annual.goalsHeading')}
          fileTitle={fileTitle}
          rows={figures.goals}
          columns={(c) => [
            c.swedish(t('annual.goal'), (g) => `${g.goalCode} ${g.goalTitle}`),
            c.text(t('neutrality.ownership'), (g) => own(g.ownership)),
            c.count(t('annual.met'), (g) => g.met),
            c.count(t('annual.partlyMet'), (g) => g.partlyMet),
            c.count(t('annual.notMet'), (g) => g.notMet),
            c.count(t('annual.notAssessed'), (g) => g.notAssessed),
          ]}
          empty={t('annual.noGoals')}
        />
      </section>

      <section className="fu-section">
        <h3 id="fu-annual-indicators">{t('annual.indicatorsHeading')}</h3>
        <IndicatorTable rows={figures.indicators} id="annual-indicators" title={t('annual.indicatorsHeading')} fileTitle={fileTitle} />
      </section>

      <section className="fu-section">
        <h3 id="fu-rounds">{t('annual.roundsHeading')}</h3>
        <ReportTable
          id="rounds"
          title={t('annual.roundsHeading')}
          fileTitle={fileTitle}
          rows={figures.rounds}
          columns={(c) => [
            c.swedish(t('annual.round'), (r) => r.name),
            c.text(t('annual.period'), (r) => r.period),
            c.date(t('annual.dueAt'), (r) => r.dueAt.slice(0, 10)),
            c.count(t('neutrality.reports'), (r) => r.reports),
            c.count(t('annual.submitted'), (r) => r.submitted),
            c.count(t('annual.onTime'), (r) => r.submittedOnTime),
            c.share(t('annual.onTimeShare'), (r) => r.onTimeShare),
          ]}
          empty={t('annual.noRounds')}
        />
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
              fileTitle={fileTitle}
              rows={figures.timeliness}
              columns={(c) => [
                c.text(t('neutrality.ownership'), (r) => own(r.ownership)),
                c.count(t('neutrality.reports'), (r) => r.reports),
                c.count(t('annual.submitted'), (r) => r.submitted),
                c.count(t('annual.onTime'), (r) => r.submittedOnTime),
                c.share(t('annual.onTimeShare'), (r) => r.onTimeShare),
              ]}
            />
          </>
        )}
      </section>

      <section className="fu-section">
        <h3 id="fu-insight">{t('annual.insightHeading')}</h3>
        <MeasureTable id="insight" title={t('annual.insightHeading')} fileTitle={fileTitle} rows={insightRows} />
      </section>

      <section className="fu-section">
        <h3 id="fu-neutrality">{t('annual.neutralityHeading')}</h3>
        <p>
          {n.version && n.decisionReference
            ? t('annual.neutralityFrom', { version: t('common.version', { version: n.version }), reference: n.decisionReference })
            : t('annual.neutralityLive')}
        </p>
        <MeasureTable id="neutrality-key" title={t('annual.neutralityHeading')} fileTitle={fileTitle} rows={keyRows} />
        <p className="fu-note">{t('common.privateNote')}</p>
      </section>
    </div>
  );
}

/** An annual report's texts, one section each with its heading; the texts are Swedish. */
export function AnnualReportSections({ sections }: { sections: readonly { key: string; text: string }[] }) {
  const { t } = useTranslation('followUp');
  return (
    <>
      {sections.map((s) => (
        <section key={s.key} aria-labelledby={`section-${s.key}`}>
          <h3 id={`section-${s.key}`}>{t(`section.${s.key as AnnualReportSectionKey}`)}</h3>
          <div lang="sv">{s.text.trim() ? <Paragraphs text={s.text} /> : <p>{t('annual.noText')}</p>}</div>
        </section>
      ))}
    </>
  );
}

/** A section's free text: paragraphs separated by blank lines. */
function Paragraphs({ text }: { text: string }) {
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
