import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNamespace } from '../../app/i18n';
import { mayUse } from '../../app/access';
import { useViewer } from '../../app/viewer';
import { graphql } from '../../gql';
import type { EconomicsPage_RowFragment } from '../../gql/graphql';
import { hasErrors, type FieldMessage } from '../../shared/forms/errors';
import { Form, FormActions, SelectField, TextField, useFormErrors } from '../../shared/forms/Form';
import { useDocumentTitle } from '../../shared/hooks/useDocumentTitle';
import { PageHeader } from '../../shared/ui/PageHeader';
import { ErrorNotice, Loading } from '../../shared/ui/QueryStates';
import { TableScroll } from '../../shared/ui/TableScroll';
import { YearSelect } from '../../shared/ui/YearSelect';
import { forgetLists } from '../access/cache';
import { useFlash } from '../access/flash';
import { fieldsOf, useApiErrors } from '../access/useApiErrors';
import { CsvImport } from '../last-resort/CsvImport';
import { LastResortNav } from '../last-resort/LastResortNav';
import { formatKronor, KRONOR_MESSAGE, kronorInput, parseKronor } from './money';

export const EconomicsRowFragment = graphql(`
  fragment EconomicsPage_row on UnitEconomics {
    id
    year
    unit { id name }
    ownership
    capitation
    visitFees
    goalRelated
    vatCompensation
    other
    reimbursement
    fullCost
    source
    version
  }
`);

const EconomicsQuery = graphql(`
  query UnitEconomicsPage($year: Int!, $first: Int!, $after: String, $unitId: ID) {
    unitEconomics(year: $year, first: $first, after: $after, filter: { unitId: $unitId }) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id ...EconomicsPage_row } }
    }
  }
`);

const EconomicsUnitsQuery = graphql(`
  query EconomicsUnits {
    units(first: 500) {
      edges { node { id name municipality { code name } provider { id ownership } } }
    }
  }
`);

const SetEconomicsMutation = graphql(`
  mutation SetUnitEconomics($unitId: ID!, $year: Int!, $expectedVersion: Int, $input: UnitEconomicsInput!) {
    setUnitEconomics(unitId: $unitId, year: $year, expectedVersion: $expectedVersion, input: $input) {
      id
      ...EconomicsPage_row
    }
  }
`);

const IMPORT = 'mutation ImportUnitEconomics($csv: String!) { importUnitEconomics(csv: $csv) { rows units years } }';
const COLUMNS = ['hsa_id', 'unit_id', 'year', 'capitation', 'visit_fees', 'goal_related', 'vat_compensation', 'other', 'full_cost'] as const;
const AMOUNTS = ['capitation', 'visitFees', 'goalRelated', 'vatCompensation', 'other', 'fullCost'] as const;
type Amount = (typeof AMOUNTS)[number];
const YEARS = [2024, 2025, 2026];
const PAGE = 25;

export function exampleEconomicsCsv(): string {
  return [
    'hsa_id;year;capitation;visit_fees;goal_related;vat_compensation;other;full_cost',
    'SE2321000214-E101;2025;9 850 000;1 240 000;380 000;0;150 000;12 400 000',
    'SE2321000214-E102;2025;6 100 000;820 000;240 000;415 230;90 000;',
  ].join('\n');
}

/** Unit economics per year: a paged table, hand entry and change, and the CSV import. */
export default function EconomicsPage() {
  useNamespace('compensation');
  const { t, i18n } = useTranslation('compensation');
  useDocumentTitle(t('economics.title'));
  const { viewer } = useViewer();
  const mayEdit = mayUse(viewer?.roles, 'lastResortEdit');
  const [year, setYear] = useState(2025);
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [editing, setEditing] = useState<EconomicsPage_RowFragment | null>(null);
  const formRef = useRef<HTMLHeadingElement>(null);
  const after = cursors[cursors.length - 1] ?? null;
  const { data, error, refetch } = useQuery(EconomicsQuery, { variables: { year, first: PAGE, after } });
  const money = (v: number | null | undefined) => (v === null || v === undefined ? '–' : formatKronor(v, i18n.language));
  const page = data?.unitEconomics;
  const from = (cursors.length - 1) * PAGE + 1;
  const columns = ['capitation', 'visitFees', 'goalRelated', 'vatCompensation', 'other', 'reimbursement', 'fullCost'] as const;

  return (
    <div className="page">
      <PageHeader title={t('economics.title')} lead={t('economics.lead')} />
      <LastResortNav />
      <YearSelect
        label={t('year')}
        value={year}
        years={YEARS}
        testId="economics-year"
        onChange={(y) => {
          setYear(y);
          setCursors([null]);
        }}
      />
      {!data && !error && <Loading label={t('economics.loading')} />}
      {error && <ErrorNotice onRetry={() => void refetch()} />}
      {page && page.totalCount === 0 && <p>{t('economics.empty')}</p>}
      {page && page.totalCount > 0 && (
        <>
          <p aria-live="polite">{t('economics.showing', { from, to: from + page.edges.length - 1, total: page.totalCount })}</p>
          <TableScroll label={t('economics.tableLabel', { year })}>
            <table className="table table--full" data-testid="economics-table">
              <caption>{t('economics.tableLabel', { year })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('economics.unit')}</th>
                  <th scope="col">{t('economics.ownership')}</th>
                  {columns.map((c) => (
                    <th scope="col" className="num" key={c}>
                      {t(`economics.${c}`)}
                    </th>
                  ))}
                  <th scope="col">{t('economics.source')}</th>
                  {mayEdit && (
                    <th scope="col">
                      <span className="visually-hidden">{t('economics.edit')}</span>
                    </th>
                  )}
                </tr>
              </thead>
              <tbody>
                {page.edges.map(({ node }) => (
                  <tr key={node.id}>
                    <th scope="row">{node.unit.name}</th>
                    <td>{t(`ownership.${node.ownership}`)}</td>
                    {columns.map((c) => (
                      <td className="num" key={c}>
                        {money(node[c])}
                      </td>
                    ))}
                    <td>{t(`economics.source${node.source as 'MANUAL' | 'IMPORT' | 'SEED'}`)}</td>
                    {mayEdit && (
                      <td>
                        <button
                          type="button"
                          className="button button--secondary button--small"
                          aria-label={t('economics.editLabel', { unit: node.unit.name, year })}
                          onClick={() => {
                            setEditing(node);
                            requestAnimationFrame(() => formRef.current?.focus());
                          }}
                        >
                          {t('economics.edit')}
                        </button>
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          <p className="pager">
            {cursors.length > 1 && (
              <button type="button" className="button button--secondary" onClick={() => setCursors((c) => c.slice(0, -1))}>
                {t('economics.previous')}
              </button>
            )}{' '}
            {page.pageInfo.hasNextPage && (
              <button type="button" className="button button--secondary" onClick={() => setCursors((c) => [...c, page.pageInfo.endCursor ?? null])}>
                {t('economics.next')}
              </button>
            )}
          </p>
        </>
      )}
      {mayEdit && (
        <>
          <EconomicsForm key={editing ? `${editing.id}-${editing.version}` : `new-${year}`} year={year} editing={editing} headingRef={formRef} onDone={() => setEditing(null)} />
          <EconomicsImport />
        </>
      )}
    </div>
  );
}

type Values = Record<Amount, string> & { unitId: string };

function valuesOf(row: EconomicsPage_RowFragment | null): Values {
  return {
    unitId: row?.unit.id ?? '',
    capitation: kronorInput(row?.capitation),
    visitFees: kronorInput(row?.visitFees),
    goalRelated: kronorInput(row?.goalRelated),
    vatCompensation: kronorInput(row?.vatCompensation),
    other: kronorInput(row?.other),
    fullCost: kronorInput(row?.fullCost),
  };
}

function EconomicsForm({
  year,
  editing,
  headingRef,
  onDone,
}: {
  year: number;
  editing: EconomicsPage_RowFragment | null;
  headingRef: React.RefObject<HTMLHeadingElement | null>;
  onDone: () => void;
}) {
  const { t } = useTranslation('compensation');
  const client = useApolloClient();
  const form = useFormErrors();
  const mapError = useApiErrors();
  const { flash, clear: clearFlash } = useFlash();
  const [values, setValues] = useState<Values>(() => valuesOf(editing));
  const [version, setVersion] = useState<number | null>(editing?.version ?? null);
  const [conflict, setConflict] = useState(false);
  const units = useQuery(EconomicsUnitsQuery);
  const [save, saving] = useMutation(SetEconomicsMutation, { update: forgetLists('unitEconomics', 'compensationProposals') });
  const set = (key: keyof Values, value: string) => setValues((v) => ({ ...v, [key]: value }));
  const unitOptions = (units.data?.units.edges ?? [])
    .map(({ node }) => ({ value: node.id, label: `${node.name} (${node.municipality.name}, ${t(`ownership.${node.provider.ownership}`)})` }))
    .sort((a, b) => a.label.localeCompare(b.label, 'sv'));
  const unitName = editing?.unit.name ?? unitOptions.find((o) => o.value === values.unitId)?.label ?? '';

  const submit = async () => {
    if (saving.loading) return;
    clearFlash();
    setConflict(false);
    const fields: Record<string, FieldMessage> = {};
    if (!values.unitId) fields['unitId'] = { text: t('economics.unitMissing') };
    const parsed: Partial<Record<Amount, number | null>> = {};
    for (const key of AMOUNTS) {
      const read = parseKronor(values[key]);
      if ('problem' in read) fields[key] = { text: t(KRONOR_MESSAGE[read.problem]) };
      else parsed[key] = read.value;
    }
    const checked = { fields, general: [] };
    if (hasErrors(checked)) return form.show(checked);
    try {
      const { data } = await save({ variables: { unitId: values.unitId, year, expectedVersion: version, input: parsed } });
      form.clear();
      flash(t('economics.saved', { unit: data!.setUnitEconomics.unit.name, year }));
      setValues(valuesOf(null));
      setVersion(null);
      onDone();
    } catch (error) {
      const { errors, problem } = mapError(error, fieldsOf('unitId', ...AMOUNTS));
      if (problem.code === 'CONFLICT') {
        // Show what is saved now, with its version, and let the user make the change again.
        const { data } = await client.query({ query: EconomicsQuery, variables: { year, first: 1, unitId: values.unitId }, fetchPolicy: 'network-only' });
        const saved = data?.unitEconomics.edges[0]?.node ?? null;
        form.clear();
        if (saved) {
          setValues(valuesOf(saved as EconomicsPage_RowFragment));
          setVersion(saved.version);
        }
        setConflict(true);
        return;
      }
      form.show(errors);
    }
  };

  return (
    <section aria-labelledby="economics-form-heading" className="section">
      <h2 id="economics-form-heading" ref={headingRef} tabIndex={-1}>
        {editing ? t('economics.formEditHeading', { unit: editing.unit.name, year }) : `${t('economics.formHeading')} ${year}`}
      </h2>
      <p>{t('economics.formLead')}</p>
      {conflict && (
        <div className="notice notice--warning" role="alert" data-testid="economics-conflict">
          {t('economics.conflict')}
        </div>
      )}
      <Form state={form} onSubmit={() => void submit()} idPrefix="economics" testId="economics-form" className="form form--narrow">
        {editing ? (
          <p>
            <strong>{t('economics.unit')}:</strong> {unitName}
          </p>
        ) : (
          <SelectField name="unitId" label={t('economics.unit')} value={values.unitId} onChange={(v) => set('unitId', v)} placeholder={t('economics.chooseUnit')} options={unitOptions} />
        )}
        {AMOUNTS.map((key) => (
          <TextField
            key={key}
            name={key}
            label={t(`economics.${key}`)}
            hint={t('economics.amountHint')}
            optional
            width="medium"
            inputMode="numeric"
            autoComplete="off"
            value={values[key]}
            onChange={(v) => set(key, v)}
          />
        ))}
        <FormActions>
          <button type="submit" className="button button--primary" aria-disabled={saving.loading} data-testid="economics-save">
            {saving.loading ? t('economics.saving') : t('economics.save')}
          </button>
          {editing && (
            <button type="button" className="button button--secondary" onClick={onDone}>
              {t('economics.cancelEdit')}
            </button>
          )}
        </FormActions>
      </Form>
    </section>
  );
}

function EconomicsImport() {
  const { t } = useTranslation('compensation');
  const client = useApolloClient();
  return (
    <section aria-labelledby="economics-import-heading" className="section">
      <h2 id="economics-import-heading">{t('import.heading')}</h2>
      <p>{t('import.lead')}</p>
      <CsvImport
        namespace="compensation"
        mutation={IMPORT}
        field="importUnitEconomics"
        columns={COLUMNS}
        columnsHeading="h3"
        example={exampleEconomicsCsv()}
        exampleName="enheternas-ekonomi-exempel.csv"
        testIds={{ file: 'economics-file', submit: 'economics-import', status: 'economics-import-status', errors: 'economics-import-errors' }}
        onDone={() => forgetLists('unitEconomics', 'compensationProposals')(client.cache)}
      />
    </section>
  );
}
