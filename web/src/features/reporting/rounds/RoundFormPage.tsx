import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { graphql } from '../../../gql';
import type { AgreementForm } from '../../../gql/graphql';
import { paths } from '../../../app/routes';
import { endOfDay, startOfDay } from '../../../shared/format';
import type { FieldMessage } from '../../../shared/forms/errors';
import { CheckboxGroup, Form, FormActions, SelectField, TextField, useFormErrors } from '../../../shared/forms/Form';
import { isIsoDate } from '../../../shared/forms/values';
import { useDocumentTitle } from '../../../shared/hooks/useDocumentTitle';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { forgetLists } from '../../access/cache';
import { useFlash } from '../../access/flash';
import { fieldsOf, useApiErrors } from '../../access/useApiErrors';
import { Breadcrumb } from '../ui';
import { localized } from '../values';
import '../reporting.css';

const RoundFormQuery = graphql(`
  query RoundFormPage {
    reportTemplates(status: [PUBLISHED]) {
      id
      name
      nameEn
      version
      status
    }
    choiceSystems {
      id
      name
    }
  }
`);

const CreateRoundMutation = graphql(`
  mutation CreateFollowUpRound($input: CreateFollowUpRoundInput!) {
    createFollowUpRound(input: $input) {
      id
      name
    }
  }
`);

const FORMS: AgreementForm[] = ['LOV', 'LOU', 'IN_HOUSE'];
export const PERIOD = /^[0-9]{4}(-(T[1-3]|H[1-2]|Q[1-4]|M(0[1-9]|1[0-2])))?$/;

export interface RoundValues {
  name: string;
  period: string;
  templateId: string;
  choiceSystemId: string;
  agreementForms: string[];
  opensAt: string;
  dueAt: string;
}

/** The checks made before sending (the server makes them again and answers per field). */
export function checkRound(v: RoundValues, t: (key: string) => string): Record<string, FieldMessage> {
  const fields: Record<string, FieldMessage> = {};
  if (!v.name.trim()) fields['name'] = { text: t('roundForm.nameMissing') };
  if (!PERIOD.test(v.period.trim())) fields['period'] = { text: t('roundForm.periodInvalid') };
  if (!v.templateId) fields['templateId'] = { text: t('roundForm.templateMissing') };
  if (v.agreementForms.length === 0) fields['agreementForms'] = { text: t('roundForm.formsMissing') };
  if (!isIsoDate(v.opensAt)) fields['opensAt'] = { text: t('roundForm.opensAtMissing') };
  if (!isIsoDate(v.dueAt)) fields['dueAt'] = { text: t('roundForm.dueAtMissing') };
  else if (isIsoDate(v.opensAt) && v.dueAt <= v.opensAt) fields['dueAt'] = { text: t('roundForm.dueBeforeOpen') };
  return fields;
}

/** Planning a follow-up round: name, period, template version, scope and dates. */
export default function RoundFormPage() {
  const { t, i18n } = useTranslation('reporting');
  useDocumentTitle(t('roundForm.title'));
  const navigate = useNavigate();
  const { flash } = useFlash();
  const form = useFormErrors();
  const mapError = useApiErrors();
  const { data, error } = useQuery(RoundFormQuery);
  const [create, { loading }] = useMutation(CreateRoundMutation, { update: forgetLists('followUpRounds') });
  const [values, setValues] = useState<RoundValues>({
    name: '',
    period: String(new Date().getFullYear()),
    templateId: '',
    choiceSystemId: '',
    agreementForms: [...FORMS],
    opensAt: '',
    dueAt: '',
  });
  const set = <K extends keyof RoundValues>(key: K, value: RoundValues[K]) => setValues((v) => ({ ...v, [key]: value }));

  const save = async () => {
    if (loading) return;
    const fields = checkRound(values, t as unknown as (key: string) => string);
    if (Object.keys(fields).length) return form.show({ fields, general: [] });
    try {
      const { data: created } = await create({
        variables: {
          input: {
            name: values.name.trim(),
            period: values.period.trim(),
            templateId: values.templateId,
            choiceSystemId: values.choiceSystemId || null,
            agreementForms: values.agreementForms as AgreementForm[],
            opensAt: startOfDay(values.opensAt),
            dueAt: endOfDay(values.dueAt),
          },
        },
      });
      const round = created!.createFollowUpRound;
      form.clear();
      flash(t('roundForm.created', { name: round.name }), paths.round(round.id));
      navigate(paths.round(round.id));
    } catch (e) {
      const { errors } = mapError(e, fieldsOf('name', 'period', 'templateId', 'choiceSystemId', 'agreementForms', 'opensAt', 'dueAt'));
      form.show(errors);
    }
  };

  const templates = data?.reportTemplates ?? [];
  return (
    <div data-testid="round-form-page">
      <Breadcrumb crumbs={[{ label: t('rounds.title'), to: paths.rounds }, { label: t('roundForm.title') }]} />
      <PageHeader title={t('roundForm.heading')} lead={t('roundForm.lead')} />
      {error && (
        <p className="notice notice--error" role="alert">
          {t('roundForm.templatesError')}
        </p>
      )}
      {data && templates.length === 0 && <p className="notice notice--warning">{t('roundForm.noTemplates')}</p>}
      <Form state={form} onSubmit={() => void save()} idPrefix="round" testId="round-form" className="form form--narrow">
        <TextField name="name" label={t('roundForm.name')} hint={t('roundForm.nameHint')} value={values.name} onChange={(v) => set('name', v)} lang="sv" />
        <TextField name="period" label={t('roundForm.period')} hint={t('roundForm.periodHint')} width="short" spellCheck={false} value={values.period} onChange={(v) => set('period', v)} />
        <SelectField
          name="templateId"
          label={t('roundForm.template')}
          hint={t('roundForm.templateHint')}
          value={values.templateId}
          onChange={(v) => set('templateId', v)}
          placeholder={t('roundForm.chooseTemplate')}
          options={templates.map((tpl) => {
            const name = localized(tpl.name, tpl.nameEn, i18n.language);
            return { value: tpl.id, label: `${name.text} (${t('common.version', { n: tpl.version })})`, lang: name.lang };
          })}
        />
        <SelectField
          name="choiceSystemId"
          label={t('roundForm.choiceSystem')}
          hint={t('roundForm.choiceSystemHint')}
          optional
          value={values.choiceSystemId}
          onChange={(v) => set('choiceSystemId', v)}
          placeholder={t('roundForm.allChoiceSystems')}
          options={(data?.choiceSystems ?? []).map((c) => ({ value: c.id, label: c.name, lang: 'sv' }))}
        />
        <CheckboxGroup
          name="agreementForms"
          label={t('roundForm.agreementForms')}
          hint={t('roundForm.agreementFormsHint')}
          value={values.agreementForms}
          onChange={(v) => set('agreementForms', v)}
          options={FORMS.map((f) => ({ value: f, label: t(`agreementForm.${f}`), hint: t(`roundForm.formHints.${f as 'LOV' | 'LOU' | 'IN_HOUSE'}`) }))}
        />
        <div className="field-row">
          <TextField name="opensAt" label={t('roundForm.opensAt')} hint={t('roundForm.opensAtHint')} type="date" value={values.opensAt} onChange={(v) => set('opensAt', v)} />
          <TextField name="dueAt" label={t('roundForm.dueAt')} hint={t('roundForm.dueAtHint')} type="date" value={values.dueAt} onChange={(v) => set('dueAt', v)} />
        </div>
        <FormActions>
          <button type="submit" className="button button--primary" aria-disabled={loading} data-testid="round-create">
            {loading ? t('common.saving') : t('roundForm.create')}
          </button>
          <Link to={paths.rounds} className="button button--secondary">
            {t('common.cancel')}
          </Link>
        </FormActions>
      </Form>
    </div>
  );
}
