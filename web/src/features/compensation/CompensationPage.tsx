import { useMutation, useQuery } from '@apollo/client/react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mayUse } from '../../app/access';
import { useNamespace } from '../../app/i18n';
import { useViewer } from '../../app/viewer';
import { graphql } from '../../gql';
import type { CompensationPage_ProposalFragment } from '../../gql/graphql';
import { isoDay } from '../../shared/format';
import { hasErrors, type FieldMessage } from '../../shared/forms/errors';
import { Form, FormActions, RadioGroup, TextAreaField, TextField, useFormErrors } from '../../shared/forms/Form';
import { isIsoDate } from '../../shared/forms/values';
import { useDocumentTitle } from '../../shared/hooks/useDocumentTitle';
import { useFormat } from '../../shared/hooks/useFormat';
import { Dialog } from '../../shared/ui/Dialog';
import { PageHeader } from '../../shared/ui/PageHeader';
import { ErrorNotice, Loading } from '../../shared/ui/QueryStates';
import { TableScroll } from '../../shared/ui/TableScroll';
import { YearSelect } from '../../shared/ui/YearSelect';
import { forgetLists } from '../access/cache';
import { useFlash } from '../access/flash';
import { fieldsOf, loose, useApiErrors } from '../access/useApiErrors';
import { LastResortNav } from '../last-resort/LastResortNav';
import { formatExactKronor, formatKronor, formatShare, KRONOR_MESSAGE, kronorInput, parseKronor, parsePercent, percentInput } from './money';

export const ProposalFragment = graphql(`
  fragment CompensationPage_proposal on CompensationProposal {
    year
    amount
    soleProvider
    unitCount
    missing
    reason
    fingerprint
    obligation {
      id
      municipality { code name }
      choiceSystem { id name }
      unit { id name }
      compensationMethods { id version validFromYear method fixedAmount sharePercent capAmount decisionReference note }
    }
    method { id version method decisionReference }
    inputs { key amount number text source sourceDetail }
    decisionInForce { id amount decisionReference decidedOn }
    decisions { id amount basis decisionReference decidedOn inForce replacedBy { id decisionReference } }
  }
`);

const ProposalsQuery = graphql(`
  query CompensationProposals($year: Int!) {
    compensationProposals(year: $year) {
      ...CompensationPage_proposal
    }
  }
`);

const DecideMutation = graphql(`
  mutation DecideCompensation($input: DecideCompensationInput!) {
    decideCompensation(input: $input) { id amount inForce }
  }
`);

const SetMethodMutation = graphql(`
  mutation SetCompensationMethod($obligationId: ID!, $expectedVersion: Int!, $input: CompensationMethodInput!) {
    setCompensationMethod(obligationId: $obligationId, expectedVersion: $expectedVersion, input: $input) { id version }
  }
`);

const YEARS = [2024, 2025, 2026];
type Proposal = CompensationPage_ProposalFragment;

/** Proposals per obligation and year with every input, decisions and their history, method versions. */
export default function CompensationPage() {
  useNamespace('compensation');
  const { t, i18n } = useTranslation('compensation');
  useDocumentTitle(t('title'));
  const { viewer } = useViewer();
  const mayEdit = mayUse(viewer?.roles, 'lastResortEdit');
  const [year, setYear] = useState(2025);
  const [municipality, setMunicipality] = useState('');
  const [deciding, setDeciding] = useState<Proposal | null>(null);
  const [methodFor, setMethodFor] = useState<Proposal | null>(null);
  const municipalityId = useId();
  const { data, error, refetch } = useQuery(ProposalsQuery, { variables: { year } });
  const proposals = data?.compensationProposals ?? [];
  const municipalities = [...new Map(proposals.map((p) => [p.obligation.municipality.code, p.obligation.municipality.name])).entries()].sort((a, b) =>
    a[1].localeCompare(b[1], 'sv'),
  );
  const shown = proposals.filter((p) => !municipality || p.obligation.municipality.code === municipality);
  const total = proposals.reduce((s, p) => s + (p.decisionInForce?.amount ?? 0), 0);

  return (
    <div className="page">
      <PageHeader title={t('title')} lead={t('lead')} />
      <LastResortNav />
      <div>
        <YearSelect label={t('year')} value={year} onChange={setYear} years={YEARS} testId="compensation-year" />
      </div>
      {!data && !error && <Loading label={t('loading')} />}
      {error && <ErrorNotice onRetry={() => void refetch()} />}
      {data && proposals.length === 0 && <p>{t('proposals.empty')}</p>}
      {data && proposals.length > 0 && (
        <>
          <p data-testid="compensation-total">{t('proposals.total', { year, amount: formatKronor(total, i18n.language) })}</p>
          <p>
            <label htmlFor={municipalityId}>{t('filter.municipality')}</label>{' '}
            <select id={municipalityId} value={municipality} onChange={(e) => setMunicipality(e.target.value)} className="select--compact" data-testid="compensation-municipality">
              <option value="">{t('filter.all')}</option>
              {municipalities.map(([code, name]) => (
                <option key={code} value={code}>
                  {name}
                </option>
              ))}
            </select>
          </p>
          {shown.map((p) => (
            <ProposalCard key={p.obligation.id} proposal={p} mayEdit={mayEdit} onDecide={() => setDeciding(p)} onNewMethod={() => setMethodFor(p)} />
          ))}
        </>
      )}
      {deciding && <DecideDialog proposal={deciding} onClose={() => setDeciding(null)} reload={async () => (await refetch()).data?.compensationProposals.find((p) => p.obligation.id === deciding.obligation.id) ?? null} />}
      {methodFor && (
        <MethodDialog
          proposal={methodFor}
          onClose={() => setMethodFor(null)}
          onSaved={() => void refetch()}
          reload={async () => (await refetch()).data?.compensationProposals.find((p) => p.obligation.id === methodFor.obligation.id) ?? null}
        />
      )}
    </div>
  );
}

function ProposalCard({ proposal: p, mayEdit, onDecide, onNewMethod }: { proposal: Proposal; mayEdit: boolean; onDecide: () => void; onNewMethod: () => void }) {
  const { t, i18n } = useTranslation('compensation');
  const format = useFormat();
  const lt = loose(t);
  const money = (v: number | null | undefined) => (v === null || v === undefined ? t('money.none') : formatKronor(v, i18n.language));
  const where = { municipality: p.obligation.municipality.name, system: p.obligation.choiceSystem.name };
  const headingId = `proposal-${p.obligation.id}`;
  const value = (i: Proposal['inputs'][number]) => {
    if (i.key === 'METHOD' && i.text) return lt(`method.${i.text}`);
    if (i.key === 'SOLE_PROVIDER' && i.text) return lt(`yesNo.${i.text}`);
    if (i.key === 'SHARE_PERCENT' && i.number !== null && i.number !== undefined) return formatShare(i.number, i18n.language);
    // The share of the deficit in whole kronor; when rounded, the exact value too.
    if (i.key === 'DEFICIT_SHARE' && i.text === 'ROUNDED' && i.number !== null && i.number !== undefined) {
      return t('money.rounded', { amount: money(i.amount), exact: formatExactKronor(i.number, i18n.language) });
    }
    if (i.key === 'DEFICIT_SHARE') return money(i.amount);
    if (i.number !== null && i.number !== undefined) return i.key === 'VALID_FROM_YEAR' ? String(i.number) : format.number(i.number);
    if (i.key === 'CAP_AMOUNT' && (i.amount === null || i.amount === undefined)) return t('money.noCap');
    if (i.text) return i.text;
    return money(i.amount);
  };
  const decisionsByDate = [...p.decisions].reverse();
  return (
    <section aria-labelledby={headingId} className="section card" data-testid="proposal">
      <h2 id={headingId}>{t('proposals.heading', where)}</h2>
      <p>{t('proposals.holder', { unit: p.obligation.unit.name })}</p>
      <dl className="facts facts--inline">
        <div>
          <dt>{t('proposals.amount')}</dt>
          <dd data-testid="proposal-amount">
            <strong>{p.amount === null || p.amount === undefined ? t('proposals.noAmount') : money(p.amount)}</strong>
          </dd>
        </div>
        <div>
          <dt>{t('proposals.methodInForce')}</dt>
          <dd>
            {p.method
              ? t('proposals.methodVersion', { method: lt(`method.${p.method.method}`), version: p.method.version, reference: p.method.decisionReference })
              : t('proposals.noMethod')}
          </dd>
        </div>
        <div>
          <dt>{t('proposals.decisionInForce')}</dt>
          <dd data-testid="decision-in-force">
            {p.decisionInForce
              ? t('proposals.decisionSummary', { amount: money(p.decisionInForce.amount), date: format.date(p.decisionInForce.decidedOn), reference: p.decisionInForce.decisionReference })
              : t('proposals.noDecision')}
          </dd>
        </div>
      </dl>
      {p.reason && <p>{lt(`reason.${p.reason}`)}</p>}
      {p.missing.length > 0 && (
        <p className="notice notice--warning">
          <strong>{t('missing.label')}:</strong> {p.missing.map((m) => lt(`missing.${m}`)).join(', ')}
        </p>
      )}
      <TableScroll label={t('proposals.inputsLabel', where)}>
        <table className="table table--full" data-testid="proposal-inputs">
          <caption>{t('proposals.inputsLabel', where)}</caption>
          <thead>
            <tr>
              <th scope="col">{t('proposals.input')}</th>
              <th scope="col" className="num">
                {t('proposals.value')}
              </th>
              <th scope="col">{t('proposals.source')}</th>
            </tr>
          </thead>
          <tbody>
            {p.inputs.map((i) => (
              <tr key={i.key}>
                <th scope="row">{lt(`inputs.${i.key}`)}</th>
                <td className="num">{value(i)}</td>
                <td>
                  {lt(`source.${i.source}`)}
                  {i.sourceDetail && (
                    <>
                      {': '}
                      <span lang="sv">{i.sourceDetail}</span>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {mayEdit && (
        <p className="actions">
          <button type="button" className="button button--primary" onClick={onDecide} aria-label={t('proposals.decideLabel', where)} data-testid="decide">
            {t('proposals.decide')}
          </button>{' '}
          <button type="button" className="button button--secondary" onClick={onNewMethod} aria-label={t('methods.newVersionLabel', where)} data-testid="new-method">
            {t('methods.newVersion')}
          </button>
        </p>
      )}
      {p.decisions.length > 0 && (
        <>
          <h3>{t('history.heading', { year: p.year })}</h3>
          <TableScroll label={t('history.label', { ...where, year: p.year })}>
            <table className="table table--full" data-testid="decision-history">
              <caption className="visually-hidden">{t('history.label', { ...where, year: p.year })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('history.decidedOn')}</th>
                  <th scope="col">{t('history.reference')}</th>
                  <th scope="col" className="num">
                    {t('history.amount')}
                  </th>
                  <th scope="col">{t('history.basis')}</th>
                  <th scope="col">{t('history.status')}</th>
                </tr>
              </thead>
              <tbody>
                {decisionsByDate.map((d) => (
                  <tr key={d.id}>
                    <td>{format.date(d.decidedOn)}</td>
                    <td>{d.decisionReference}</td>
                    <td className="num">{money(d.amount)}</td>
                    <td lang="sv">{d.basis}</td>
                    <td>{d.inForce ? t('history.inForce') : t('history.replaced', { reference: d.replacedBy?.decisionReference ?? '' })}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </>
      )}
      <h3>{t('methods.heading')}</h3>
      {p.obligation.compensationMethods.length === 0 ? (
        <p>{t('methods.empty')}</p>
      ) : (
        <TableScroll label={t('methods.label', where)}>
          <table className="table table--full" data-testid="method-versions">
            <caption className="visually-hidden">{t('methods.label', where)}</caption>
            <thead>
              <tr>
                <th scope="col">{t('methods.version')}</th>
                <th scope="col">{t('methods.validFrom')}</th>
                <th scope="col">{t('methods.method')}</th>
                <th scope="col">{t('methods.terms')}</th>
                <th scope="col">{t('methods.reference')}</th>
              </tr>
            </thead>
            <tbody>
              {[...p.obligation.compensationMethods].reverse().map((m) => (
                <tr key={m.id}>
                  <td>{m.version}</td>
                  <td>{m.validFromYear}</td>
                  <td>{lt(`method.${m.method}`)}</td>
                  <td>
                    {m.method === 'FIXED_AMOUNT'
                      ? t('methods.fixed', { amount: money(m.fixedAmount) })
                      : [t('methods.share', { share: formatShare(m.sharePercent ?? 100, i18n.language) }), m.capAmount !== null && m.capAmount !== undefined ? t('methods.cap', { amount: money(m.capAmount) }) : t('money.noCap')].join(', ')}
                    {m.note && (
                      <>
                        <br />
                        <span lang="sv">{m.note}</span>
                      </>
                    )}
                  </td>
                  <td>{m.decisionReference}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}

function DecideDialog({ proposal, onClose, reload }: { proposal: Proposal; onClose: () => void; reload: () => Promise<Proposal | null> }) {
  const { t, i18n } = useTranslation('compensation');
  const form = useFormErrors();
  const mapError = useApiErrors();
  const { flash } = useFlash();
  const [p, setP] = useState(proposal);
  const [values, setValues] = useState(() => ({
    amount: kronorInput(proposal.amount),
    basis: '',
    decisionReference: '',
    decidedOn: isoDay(new Date().toISOString()),
  }));
  const [decide, deciding] = useMutation(DecideMutation, { update: forgetLists('compensationProposals', 'compensationDecisions') });
  const where = { municipality: p.obligation.municipality.name, system: p.obligation.choiceSystem.name };
  const set = (key: keyof typeof values, value: string) => setValues((v) => ({ ...v, [key]: value }));

  const submit = async () => {
    if (deciding.loading) return;
    const fields: Record<string, FieldMessage> = {};
    const read = parseKronor(values.amount);
    const amount = 'value' in read ? read.value : null;
    if ('problem' in read) fields['amount'] = { text: t(KRONOR_MESSAGE[read.problem]) };
    else if (amount === null) fields['amount'] = { text: t('money.invalid') };
    if (!values.basis.trim()) fields['basis'] = { text: t('decide.basisMissing') };
    if (!values.decisionReference.trim()) fields['decisionReference'] = { text: t('decide.referenceMissing') };
    if (!isIsoDate(values.decidedOn.trim())) fields['decidedOn'] = { text: t('decide.dateFormat') };
    if (hasErrors({ fields, general: [] })) return form.show({ fields, general: [] });
    try {
      await decide({
        variables: {
          input: {
            obligationId: p.obligation.id,
            year: p.year,
            amount: amount!,
            basis: values.basis.trim(),
            decisionReference: values.decisionReference.trim(),
            decidedOn: values.decidedOn.trim(),
            replacesId: p.decisionInForce?.id ?? null,
            fingerprint: p.fingerprint,
          },
        },
      });
      form.clear();
      flash(t('decide.saved', { ...where, year: p.year }));
      await reload();
      onClose();
    } catch (error) {
      const { errors, problem } = mapError(error, fieldsOf('amount', 'basis', 'decisionReference', 'decidedOn'));
      if (problem.code === 'CONFLICT' || errors.fields['replacesId']) {
        const fresh = await reload();
        // The proposal itself changed (method, economics, coverage): show the new one, and its amount
        // when the decider had kept the proposed amount.
        const changed = fresh !== null && fresh.fingerprint !== p.fingerprint;
        if (fresh) setP(fresh);
        if (fresh && changed && amount === p.amount) set('amount', kronorInput(fresh.amount));
        form.show({ fields: {}, general: [{ text: t(changed ? 'decide.changed' : 'decide.conflict') }] });
        return;
      }
      form.show(errors);
    }
  };

  return (
    <Dialog open onClose={onClose} title={t('decide.title', { ...where, year: p.year })} testId="decide-dialog">
      <p>{p.amount === null || p.amount === undefined ? t('decide.noProposal') : t('decide.proposed', { amount: formatKronor(p.amount, i18n.language) })}</p>
      {p.decisionInForce && (
        <p data-testid="decide-replaces">{t('decide.replaces', { reference: p.decisionInForce.decisionReference, amount: formatKronor(p.decisionInForce.amount, i18n.language) })}</p>
      )}
      <Form state={form} onSubmit={() => void submit()} idPrefix="decide" testId="decide-form">
        <TextField name="amount" label={t('decide.amount')} hint={t('decide.amountHint')} width="medium" inputMode="numeric" autoComplete="off" value={values.amount} onChange={(v) => set('amount', v)} />
        <TextAreaField name="basis" label={t('decide.basis')} hint={t('decide.basisHint')} rows={3} maxLength={5000} value={values.basis} onChange={(v) => set('basis', v)} />
        <TextField name="decisionReference" label={t('decide.reference')} hint={t('decide.referenceHint')} width="medium" autoComplete="off" value={values.decisionReference} onChange={(v) => set('decisionReference', v)} />
        <TextField name="decidedOn" label={t('decide.decidedOn')} hint={t('decide.dateHint')} width="medium" autoComplete="off" value={values.decidedOn} onChange={(v) => set('decidedOn', v)} />
        <FormActions>
          <button type="submit" className="button button--primary" aria-disabled={deciding.loading} data-testid="decide-submit" data-autofocus>
            {deciding.loading ? t('decide.saving') : t('decide.submit')}
          </button>
          <button type="button" className="button button--secondary" onClick={onClose}>
            {t('decide.cancel')}
          </button>
        </FormActions>
      </Form>
    </Dialog>
  );
}

function MethodDialog({ proposal, onClose, onSaved, reload }: { proposal: Proposal; onClose: () => void; onSaved: () => void; reload: () => Promise<Proposal | null> }) {
  const { t, i18n } = useTranslation('compensation');
  const form = useFormErrors();
  const mapError = useApiErrors();
  const { flash } = useFlash();
  // The versions the editor has seen: a new one is saved only on top of the latest of them.
  const [p, setP] = useState(proposal);
  const current = proposal.obligation.compensationMethods.at(-1);
  const [values, setValues] = useState(() => ({
    validFromYear: String(p.year),
    method: current?.method ?? 'SOLE_PROVIDER_DEFICIT',
    fixedAmount: kronorInput(current?.fixedAmount),
    sharePercent: percentInput(current?.sharePercent, i18n.language),
    capAmount: kronorInput(current?.capAmount),
    decisionReference: '',
    note: '',
  }));
  const [save, saving] = useMutation(SetMethodMutation, { update: forgetLists('compensationProposals') });
  const where = { municipality: p.obligation.municipality.name, system: p.obligation.choiceSystem.name };
  const set = (key: keyof typeof values, value: string) => setValues((v) => ({ ...v, [key]: value }));
  const fixed = values.method === 'FIXED_AMOUNT';

  const submit = async () => {
    if (saving.loading) return;
    const fields: Record<string, FieldMessage> = {};
    const year = Number(values.validFromYear.trim());
    if (!/^\d{4}$/.test(values.validFromYear.trim()) || year < 2000 || year > 2100) fields['validFromYear'] = { text: t('methods.yearInvalid') };
    const fixedRead = parseKronor(values.fixedAmount);
    const capRead = parseKronor(values.capAmount);
    const fixedAmount = 'value' in fixedRead ? fixedRead.value : null;
    const capAmount = 'value' in capRead ? capRead.value : null;
    const sharePercent = parsePercent(values.sharePercent);
    if (fixed && 'problem' in fixedRead) fields['fixedAmount'] = { text: t(KRONOR_MESSAGE[fixedRead.problem]) };
    else if (fixed && fixedAmount === null) fields['fixedAmount'] = { text: t('methods.fixedMissing') };
    if (!fixed && sharePercent !== null && (Number.isNaN(sharePercent) || sharePercent <= 0 || sharePercent > 100)) fields['sharePercent'] = { text: t('methods.shareInvalid') };
    if (!fixed && 'problem' in capRead) fields['capAmount'] = { text: t(KRONOR_MESSAGE[capRead.problem]) };
    if (!values.decisionReference.trim()) fields['decisionReference'] = { text: t('methods.referenceMissing') };
    if (hasErrors({ fields, general: [] })) return form.show({ fields, general: [] });
    try {
      const { data } = await save({
        variables: {
          obligationId: p.obligation.id,
          expectedVersion: p.obligation.compensationMethods.at(-1)?.version ?? 0,
          input: {
            validFromYear: year,
            method: values.method as 'FIXED_AMOUNT' | 'SOLE_PROVIDER_DEFICIT',
            fixedAmount: fixed ? fixedAmount : null,
            sharePercent: fixed ? null : sharePercent,
            capAmount: fixed ? null : capAmount,
            decisionReference: values.decisionReference.trim(),
            note: values.note.trim() || null,
          },
        },
      });
      form.clear();
      flash(t('methods.saved', { ...where, version: data!.setCompensationMethod.version }));
      onSaved();
      onClose();
    } catch (error) {
      const { errors, problem } = mapError(error, fieldsOf('validFromYear', 'method', 'fixedAmount', 'sharePercent', 'capAmount', 'decisionReference', 'note'));
      if (problem.code === 'CONFLICT') {
        const fresh = await reload();
        if (fresh) setP(fresh);
        form.show({ fields: {}, general: [{ text: t('methods.conflict') }] });
        return;
      }
      form.show(errors);
    }
  };

  return (
    <Dialog open onClose={onClose} title={t('methods.formTitle', where)} testId="method-dialog">
      <p>{t('methods.formLead')}</p>
      <Form state={form} onSubmit={() => void submit()} idPrefix="method" testId="method-form">
        <TextField name="validFromYear" label={t('methods.validFromYear')} width="short" inputMode="numeric" autoComplete="off" value={values.validFromYear} onChange={(v) => set('validFromYear', v)} />
        <RadioGroup
          name="method"
          label={t('methods.kind')}
          value={values.method}
          onChange={(v) => set('method', v)}
          options={[
            { value: 'SOLE_PROVIDER_DEFICIT', label: t('method.SOLE_PROVIDER_DEFICIT') },
            { value: 'FIXED_AMOUNT', label: t('method.FIXED_AMOUNT') },
          ]}
        />
        {fixed ? (
          <TextField name="fixedAmount" label={t('methods.fixedAmount')} hint={t('decide.amountHint')} width="medium" inputMode="numeric" autoComplete="off" value={values.fixedAmount} onChange={(v) => set('fixedAmount', v)} />
        ) : (
          <>
            <TextField name="sharePercent" label={t('methods.sharePercent')} hint={t('methods.sharePercentHint')} optional width="short" inputMode="decimal" autoComplete="off" value={values.sharePercent} onChange={(v) => set('sharePercent', v)} />
            <TextField name="capAmount" label={t('methods.capAmount')} hint={t('methods.capAmountHint')} optional width="medium" inputMode="numeric" autoComplete="off" value={values.capAmount} onChange={(v) => set('capAmount', v)} />
          </>
        )}
        <TextField name="decisionReference" label={t('methods.decisionReference')} width="medium" autoComplete="off" value={values.decisionReference} onChange={(v) => set('decisionReference', v)} />
        <TextAreaField name="note" label={t('methods.note')} optional rows={2} maxLength={2000} value={values.note} onChange={(v) => set('note', v)} />
        <FormActions>
          <button type="submit" className="button button--primary" aria-disabled={saving.loading} data-testid="method-submit">
            {saving.loading ? t('methods.saving') : t('methods.submit')}
          </button>
          <button type="button" className="button button--secondary" onClick={onClose}>
            {t('methods.cancel')}
          </button>
        </FormActions>
      </Form>
    </Dialog>
  );
}
