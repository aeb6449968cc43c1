import { useMutation, useQuery } from '@apollo/client/react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useNamespace } from '../../../app/i18n';
import { paths } from '../../../app/routes';
import { graphql } from '../../../gql';
import { hasErrors, type FieldMessage } from '../../../shared/forms/errors';
import { Form, FormActions, TextAreaField, TextField, useFormErrors } from '../../../shared/forms/Form';
import { isIsoDate, orNull } from '../../../shared/forms/values';
import { useDocumentTitle } from '../../../shared/hooks/useDocumentTitle';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { EmptyNotice, ErrorNotice, Loading } from '../../../shared/ui/QueryStates';
import { useFlash } from '../../access/flash';
import { useApiErrors } from '../../access/useApiErrors';
import { AdminFrame } from '../AdminFrame';

const AdoptQuery = graphql(`
  query ConditionsAdoptPage {
    governingDocuments {
      id
      kind
      title
      currentVersion {
        id
        version
        conditions {
          id
          code
          heading
          text
        }
      }
    }
  }
`);

const AdoptMutation = graphql(`
  mutation AdoptConditionsVersion($input: AdoptGoverningDocumentVersionInput!) {
    adoptGoverningDocumentVersion(input: $input) {
      id
      version
    }
  }
`);

interface Item {
  key: number;
  code: string;
  heading: string;
  text: string;
}

/** /admin/likvardiga-villkor — an administrator records a new decided version of the equal-conditions rules. */
export default function ConditionsAdoptPage() {
  useNamespace('conditions');
  const { t } = useTranslation('conditions');
  useDocumentTitle(t('adopt.title'));
  const { data, error, refetch } = useQuery(AdoptQuery, { fetchPolicy: 'network-only' });
  const doc = data?.governingDocuments.find((d) => d.kind === 'EQUAL_CONDITIONS') ?? null;
  return (
    <AdminFrame crumbs={[{ label: t('page.title'), to: paths.equalConditions }, { label: t('adopt.title') }]}>
      <PageHeader title={t('adopt.title')} lead={t('adopt.lead')} />
      {!data && !error && <Loading label={t('page.loading')} />}
      {error && <ErrorNotice onRetry={() => void refetch()} />}
      {data && !doc && <EmptyNotice title={t('page.none')} />}
      {doc && <AdoptForm key={doc.currentVersion?.id ?? 'none'} documentId={doc.id} current={doc.currentVersion ?? null} />}
    </AdminFrame>
  );
}

function AdoptForm({
  documentId,
  current,
}: {
  documentId: string;
  current: { version: number; conditions: { code: string; heading: string; text: string }[] } | null;
}) {
  const { t } = useTranslation('conditions');
  const navigate = useNavigate();
  const form = useFormErrors();
  const mapError = useApiErrors();
  const { flash } = useFlash();
  const nextKey = useRef(0);
  const [items, setItems] = useState<Item[]>(() => (current?.conditions ?? []).map((c) => ({ key: nextKey.current++, code: c.code, heading: c.heading, text: c.text })));
  const [decision, setDecision] = useState({ decisionReference: '', decidedBy: '', decidedAt: '', note: '' });
  const [announcement, setAnnouncement] = useState('');
  const [conflictVersion, setConflictVersion] = useState<number | null>(null);
  const [adopt, adopting] = useMutation(AdoptMutation, {
    update: (cache) => {
      cache.evict({ id: 'ROOT_QUERY', fieldName: 'governingDocuments' });
      cache.gc();
    },
  });
  const busy = adopting.loading;

  const setItem = (index: number, patch: Partial<Item>) => setItems((list) => list.map((it, i) => (i === index ? { ...it, ...patch } : it)));
  const move = (index: number, by: -1 | 1) => {
    const target = index + by;
    if (target < 0 || target >= items.length) return;
    const next = [...items];
    [next[index], next[target]] = [next[target]!, next[index]!];
    setItems(next);
    setAnnouncement(t('adopt.moved', { code: next[target]!.code || target + 1, number: target + 1 }));
    // Keep the keyboard on the button just used, now at the item's new place.
    requestAnimationFrame(() => document.getElementById(`condition-${next[target]!.key}-${by < 0 ? 'up' : 'down'}`)?.focus());
  };
  const remove = (index: number) => {
    const gone = items[index]!;
    setItems((list) => list.filter((_, i) => i !== index));
    setAnnouncement(t('adopt.removed', { code: gone.code || index + 1 }));
    requestAnimationFrame(() => document.getElementById('condition-add')?.focus());
  };
  const add = () => {
    const key = nextKey.current++;
    setItems((list) => [...list, { key, code: `V${list.length + 1}`, heading: '', text: '' }]);
    setAnnouncement(t('adopt.addedItem'));
    requestAnimationFrame(() => document.getElementById(`adopt-conditions-${items.length}-heading`)?.focus());
  };

  const fieldNames = new Set(['decisionReference', 'decidedBy', 'decidedAt', 'note', 'conditions', ...items.flatMap((_, i) => ['code', 'heading', 'text'].map((f) => `conditions.${i}.${f}`))]);

  const check = () => {
    const fields: Record<string, FieldMessage> = {};
    if (!decision.decisionReference.trim()) fields['decisionReference'] = { text: t('adopt.referenceMissing') };
    if (!decision.decidedBy.trim()) fields['decidedBy'] = { text: t('adopt.decidedByMissing') };
    if (!isIsoDate(decision.decidedAt.trim())) fields['decidedAt'] = { text: t('adopt.dateFormat') };
    if (items.length === 0) fields['conditions'] = { text: t('adopt.conditionsMissing') };
    const codes = new Set<string>();
    items.forEach((it, i) => {
      const code = it.code.trim();
      if (!code) fields[`conditions.${i}.code`] = { text: t('adopt.codeMissing') };
      else if (codes.has(code)) fields[`conditions.${i}.code`] = { text: t('adopt.codeTwice') };
      codes.add(code);
      if (!it.heading.trim()) fields[`conditions.${i}.heading`] = { text: t('adopt.headingMissing') };
      if (!it.text.trim()) fields[`conditions.${i}.text`] = { text: t('adopt.textMissing') };
    });
    return { fields, general: [] };
  };

  const submit = async () => {
    if (busy) return;
    setConflictVersion(null);
    const checked = check();
    if (hasErrors(checked)) return form.show(checked);
    try {
      const { data } = await adopt({
        variables: {
          input: {
            documentId,
            expectedVersion: current?.version ?? 0,
            decisionReference: decision.decisionReference.trim(),
            decidedBy: decision.decidedBy.trim(),
            decidedAt: decision.decidedAt.trim(),
            note: orNull(decision.note),
            conditions: items.map((it) => ({ code: it.code.trim(), heading: it.heading.trim(), text: it.text.trim() })),
          },
        },
      });
      form.clear();
      flash(t('adopt.saved', { version: data!.adoptGoverningDocumentVersion.version }), paths.equalConditions);
      navigate(paths.equalConditions);
    } catch (error) {
      const { errors, problem } = mapError(error, (key) => fieldNames.has(key));
      if (problem.code === 'CONFLICT') {
        form.clear();
        setConflictVersion((current?.version ?? 0) + 1);
        return;
      }
      form.show(errors);
    }
  };

  return (
    <>
      {conflictVersion !== null && (
        <div className="notice notice--warning" role="alert" data-testid="adopt-conflict">
          <p>{t('adopt.conflict', { version: conflictVersion })}</p>
        </div>
      )}
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      {current && <p>{t('adopt.basedOn', { version: current.version })}</p>}
      <Form state={form} onSubmit={() => void submit()} idPrefix="adopt" testId="adopt-form" className="form">
        <fieldset className="fieldset-plain field">
          <legend>
            <h2>{t('adopt.decision')}</h2>
          </legend>
          <div className="field-row">
            <TextField name="decisionReference" label={t('adopt.decisionReference')} width="medium" autoComplete="off" value={decision.decisionReference} onChange={(v) => setDecision((d) => ({ ...d, decisionReference: v }))} />
            <TextField name="decidedAt" label={t('adopt.decidedAt')} hint={t('adopt.dateHint')} width="medium" autoComplete="off" value={decision.decidedAt} onChange={(v) => setDecision((d) => ({ ...d, decidedAt: v }))} />
          </div>
          <TextField name="decidedBy" label={t('adopt.decidedBy')} autoComplete="off" value={decision.decidedBy} onChange={(v) => setDecision((d) => ({ ...d, decidedBy: v }))} />
          <TextAreaField name="note" label={t('adopt.note')} rows={2} maxLength={2000} value={decision.note} onChange={(v) => setDecision((d) => ({ ...d, note: v }))} />
        </fieldset>
        <h2 id="conditions-heading">{t('adopt.conditions')}</h2>
        <ol className="condition-editor" aria-labelledby="conditions-heading" data-testid="condition-list">
          {items.map((it, i) => (
            <li key={it.key} className="condition-editor__item">
              <fieldset className="fieldset-plain">
                <legend className="condition-editor__legend">{t('adopt.item', { number: i + 1 })}</legend>
                <div className="field-row">
                  <TextField name={`conditions.${i}.code`} label={t('adopt.code')} width="short" autoComplete="off" value={it.code} onChange={(v) => setItem(i, { code: v })} />
                  <TextField name={`conditions.${i}.heading`} label={t('adopt.heading')} autoComplete="off" value={it.heading} onChange={(v) => setItem(i, { heading: v })} />
                </div>
                <TextAreaField name={`conditions.${i}.text`} label={t('adopt.text')} rows={4} maxLength={5000} value={it.text} onChange={(v) => setItem(i, { text: v })} lang="sv" />
                <div className="button-row">
                  <button type="button" id={`condition-${it.key}-up`} className="button button--secondary button--small" onClick={() => move(i, -1)} aria-disabled={i === 0}>
                    {t('adopt.moveUp', { number: i + 1 })}
                  </button>
                  <button type="button" id={`condition-${it.key}-down`} className="button button--secondary button--small" onClick={() => move(i, 1)} aria-disabled={i === items.length - 1}>
                    {t('adopt.moveDown', { number: i + 1 })}
                  </button>
                  <button type="button" className="button button--secondary button--small" onClick={() => remove(i)}>
                    {t('adopt.remove', { number: i + 1 })}
                  </button>
                </div>
              </fieldset>
            </li>
          ))}
        </ol>
        <p>
          <button type="button" id="condition-add" className="button button--secondary" onClick={add} data-testid="condition-add">
            {t('adopt.add')}
          </button>
        </p>
        <FormActions>
          <button type="submit" className="button button--primary" aria-disabled={busy} data-testid="adopt-submit">
            {busy ? t('adopt.saving') : t('adopt.submit')}
          </button>
          <Link to={paths.equalConditions} className="button button--secondary">
            {t('adopt.cancel')}
          </Link>
        </FormActions>
      </Form>
    </>
  );
}
