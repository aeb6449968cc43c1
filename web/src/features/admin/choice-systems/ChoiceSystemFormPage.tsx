import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { graphql } from '../../../gql';
import type { ChoiceSystemForm_ChoiceSystemFragment } from '../../../gql/graphql';
import { paths } from '../../../app/routes';
import type { FieldMessage } from '../../../shared/forms/errors';
import { Form, FormActions, TextField } from '../../../shared/forms/Form';
import { isIsoDate } from '../../../shared/forms/values';
import { useDocumentTitle } from '../../../shared/hooks/useDocumentTitle';
import { useFormat } from '../../../shared/hooks/useFormat';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { ErrorNotice, Loading } from '../../../shared/ui/QueryStates';
import { forgetLists } from '../../access/cache';
import { ConflictNotice } from '../../access/ConflictNotice';
import { useFlash } from '../../access/flash';
import { fieldsOf } from '../../access/useApiErrors';
import { useVersionedForm } from '../../access/useVersionedForm';
import { AdminFrame } from '../AdminFrame';
import { NotFoundPanel } from '../NotFoundPanel';
import { ChoiceSystemsQuery } from './ChoiceSystemsPage';

const CreateChoiceSystemMutation = graphql(`
  mutation CreateChoiceSystem($input: ChoiceSystemInput!) {
    createChoiceSystem(input: $input) {
      id
      ...ChoiceSystemForm_choiceSystem
    }
  }
`);

const UpdateChoiceSystemMutation = graphql(`
  mutation UpdateChoiceSystem($id: ID!, $expectedVersion: Int!, $input: ChoiceSystemInput!) {
    updateChoiceSystem(id: $id, expectedVersion: $expectedVersion, input: $input) {
      id
      ...ChoiceSystemForm_choiceSystem
    }
  }
`);

/** A new choice system, or one edited: code, name, start date. */
export default function ChoiceSystemFormPage() {
  const { t } = useTranslation('access');
  const { id } = useParams();
  const { data, error, refetch } = useQuery(ChoiceSystemsQuery, { skip: !id });
  const choiceSystem = id ? (data?.choiceSystems.find((c) => c.id === id) ?? null) : null;
  const title = id ? (choiceSystem?.name ?? t('choiceSystems.oneTitle')) : t('choiceSystems.newTitle');
  useDocumentTitle(title);
  return (
    <AdminFrame crumbs={[{ label: t('choiceSystems.title'), to: paths.choiceSystems }, { label: title }]}>
      {id && !data && !error && <Loading label={t('common.loading')} />}
      {id && error && <ErrorNotice onRetry={() => void refetch()} />}
      {id && data && !choiceSystem && <NotFoundPanel title={t('choiceSystems.notFound')} back={{ to: paths.choiceSystems, label: t('choiceSystems.backToList') }} />}
      {(!id || choiceSystem) && (
        <>
          <PageHeader title={id ? title : t('choiceSystems.newHeading')} lead={t('choiceSystems.formLead')} />
          <ChoiceSystemForm
            key={id ?? 'new'}
            choiceSystem={choiceSystem}
            reload={async () => (await refetch()).data?.choiceSystems.find((c) => c.id === id) ?? null}
          />
        </>
      )}
    </AdminFrame>
  );
}

interface Values {
  code: string;
  name: string;
  startedOn: string;
}

function valuesOf(c: ChoiceSystemForm_ChoiceSystemFragment | null): Values {
  return { code: c?.code ?? '', name: c?.name ?? '', startedOn: c?.startedOn ?? '' };
}

function ChoiceSystemForm({
  choiceSystem,
  reload,
}: {
  choiceSystem: ChoiceSystemForm_ChoiceSystemFragment | null;
  reload: () => Promise<ChoiceSystemForm_ChoiceSystemFragment | null>;
}) {
  const { t } = useTranslation('access');
  const format = useFormat();
  const navigate = useNavigate();
  const { flash } = useFlash();
  const [create, creating] = useMutation(CreateChoiceSystemMutation, { update: forgetLists('choiceSystems') });
  const [update, updating] = useMutation(UpdateChoiceSystemMutation);
  const busy = creating.loading || updating.loading;
  const { values, set, conflict, form, onSubmit, keepMine, loadSaved } = useVersionedForm({
    entity: choiceSystem,
    valuesOf,
    versionOf: (c) => c.version,
    busy,
    reload,
    isField: fieldsOf('code', 'name', 'startedOn'),
    check: (v) => {
      const fields: Record<string, FieldMessage> = {};
      if (!/^[A-Z][A-Z0-9_]*$/.test(v.code.trim())) fields['code'] = { text: t('serverMessage.choiceSystemCodeFormat') };
      if (!v.name.trim()) fields['name'] = { text: t('choiceSystems.nameMissing') };
      if (v.startedOn && !isIsoDate(v.startedOn)) fields['startedOn'] = { text: t('serverMessage.dateFormat') };
      return { fields, general: [] };
    },
    submit: async (v, expectedVersion) => {
      const input = { code: v.code.trim(), name: v.name.trim(), startedOn: v.startedOn || null };
      if (!choiceSystem) {
        const { data } = await create({ variables: { input } });
        flash(t('choiceSystems.created', { name: data!.createChoiceSystem.name }), paths.choiceSystems);
      } else {
        const { data } = await update({ variables: { id: choiceSystem.id, expectedVersion, input } });
        flash(t('choiceSystems.saved', { name: data!.updateChoiceSystem.name }), paths.choiceSystems);
      }
      navigate(paths.choiceSystems);
    },
  });

  return (
    <>
      {conflict && (
        <ConflictNotice
          what={t('choiceSystems.conflictWhat')}
          rows={[
            { label: t('choiceSystems.code'), mine: values.code, saved: conflict.code },
            { label: t('choiceSystems.name'), mine: values.name, saved: conflict.name },
            {
              label: t('choiceSystems.startedOn'),
              mine: values.startedOn ? format.date(values.startedOn) : '',
              saved: conflict.startedOn ? format.date(conflict.startedOn) : '',
            },
          ]}
          busy={busy}
          onKeepMine={keepMine}
          onUseSaved={loadSaved}
        />
      )}
      <Form state={form} onSubmit={onSubmit} idPrefix="choice-system" testId="choice-system-form" className="form form--narrow">
        <TextField name="code" label={t('choiceSystems.code')} hint={t('choiceSystems.codeHint')} width="medium" spellCheck={false} autoComplete="off" value={values.code} onChange={(v) => set('code', v.toUpperCase())} />
        <TextField name="name" label={t('choiceSystems.name')} autoComplete="off" value={values.name} onChange={(v) => set('name', v)} />
        <TextField name="startedOn" label={t('choiceSystems.startedOn')} optional type="date" value={values.startedOn} onChange={(v) => set('startedOn', v)} />
        <FormActions>
          <button type="submit" className="button button--primary" aria-disabled={busy} data-testid="choice-system-save">
            {busy ? t('common.saving') : choiceSystem ? t('common.save') : t('choiceSystems.create')}
          </button>
          <Link to={paths.choiceSystems} className="button button--secondary">
            {t('common.cancel')}
          </Link>
        </FormActions>
      </Form>
    </>
  );
}
