import { useId, useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../gql';
import type { ApiTokenRow_TokenFragment } from '../../gql/graphql';
import { apiProblem, hasErrors, type FieldMessage } from '../../shared/forms/errors';
import { Form, FormActions, TextField, useFormErrors } from '../../shared/forms/Form';
import { isIsoDate } from '../../shared/forms/values';
import { endOfDay, isoDay } from '../../shared/format';
import { useDocumentTitle } from '../../shared/hooks/useDocumentTitle';
import { useFormat } from '../../shared/hooks/useFormat';
import { Badge } from '../../shared/ui/Badge';
import { Dialog } from '../../shared/ui/Dialog';
import { PageHeader } from '../../shared/ui/PageHeader';
import { EmptyNotice, ErrorNotice, Loading } from '../../shared/ui/QueryStates';
import { TableScroll } from '../../shared/ui/TableScroll';
import { useFlash } from '../access/flash';
import { OneTimeSecret } from '../access/OneTimeSecret';
import { fieldsOf, useApiErrors } from '../access/useApiErrors';

const ApiTokensQuery = graphql(`
  query ApiTokensPage($filter: ApiTokenFilter) {
    apiTokens(filter: $filter) {
      id
      ...ApiTokenRow_token
    }
  }
`);

export const ApiTokenRowFragment = graphql(`
  fragment ApiTokenRow_token on ApiToken {
    id
    name
    createdAt
    expiresAt
    lastUsedAt
    revokedAt
    roles
    owner {
      id
      name
      email
    }
  }
`);

const CreateApiTokenMutation = graphql(`
  mutation CreateApiToken($name: String!, $expiresAt: DateTime) {
    createApiToken(name: $name, expiresAt: $expiresAt) {
      token
      apiToken {
        id
        ...ApiTokenRow_token
      }
    }
  }
`);

const RevokeApiTokenMutation = graphql(`
  mutation RevokeApiToken($id: ID!) {
    revokeApiToken(id: $id)
  }
`);

type TokenStatus = 'active' | 'revoked' | 'expired';

export function tokenStatus(token: Pick<ApiTokenRow_TokenFragment, 'revokedAt' | 'expiresAt'>, now = Date.now()): TokenStatus {
  if (token.revokedAt) return 'revoked';
  if (token.expiresAt && new Date(token.expiresAt).getTime() <= now) return 'expired';
  return 'active';
}

/** API tokens for BI tools: list, create (the token is shown once) and revoke. */
export default function ApiTokensPage() {
  const { t } = useTranslation('access');
  useDocumentTitle(t('tokens.title'));
  const id = useId();
  const [includeInactive, setIncludeInactive] = useState(false);
  const { data, error, refetch } = useQuery(ApiTokensQuery, { variables: { filter: { includeInactive } } });
  const [revoking, setRevoking] = useState<ApiTokenRow_TokenFragment | null>(null);
  const tokens = data?.apiTokens ?? [];

  return (
    <div data-testid="api-tokens-page">
      <PageHeader title={t('tokens.heading')} lead={t('tokens.lead')} />
      <CreateToken onCreated={() => void refetch()} />

      <section className="section" aria-labelledby={`${id}-list`}>
        <div className="section-head">
          <h2 id={`${id}-list`}>{t('tokens.listHeading')}</h2>
          <div className="checkbox">
            <input id={`${id}-inactive`} type="checkbox" checked={includeInactive} onChange={(e) => setIncludeInactive(e.target.checked)} />
            <label htmlFor={`${id}-inactive`}>{t('tokens.includeInactive')}</label>
          </div>
        </div>
        {!data && !error && <Loading label={t('common.loading')} />}
        {error && <ErrorNotice onRetry={() => void refetch()} />}
        {data && tokens.length === 0 && <EmptyNotice title={includeInactive ? t('tokens.noneAtAll') : t('tokens.none')} />}
        {tokens.length > 0 && (
          <TableScroll label={t('tokens.tableLabel')}>
            <table className="table table--full" data-testid="tokens-table">
              <caption className="visually-hidden">{t('tokens.tableLabel')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('tokens.name')}</th>
                  <th scope="col">{t('tokens.owner')}</th>
                  <th scope="col">{t('tokens.createdAt')}</th>
                  <th scope="col">{t('tokens.expires')}</th>
                  <th scope="col">{t('tokens.lastUsed')}</th>
                  <th scope="col">{t('tokens.status')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('common.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {tokens.map((token) => (
                  <TokenRow key={token.id} token={token} onRevoke={() => setRevoking(token)} />
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>
      <RevokeDialog token={revoking} onClose={() => setRevoking(null)} onRevoked={() => void refetch()} />
    </div>
  );
}

function TokenRow({ token, onRevoke }: { token: ApiTokenRow_TokenFragment; onRevoke: () => void }) {
  const { t } = useTranslation('access');
  const format = useFormat();
  const status = tokenStatus(token);
  return (
    <tr data-testid="token-row">
      <th scope="row">{token.name}</th>
      <td>
        {token.owner.name}
        <span className="block muted small">{token.owner.email}</span>
      </td>
      <td className="nowrap-wide">{format.dateTime(token.createdAt)}</td>
      <td className="nowrap-wide">{token.expiresAt ? format.dateTime(token.expiresAt) : t('tokens.noExpiry')}</td>
      <td className="nowrap-wide">{token.lastUsedAt ? format.dateTime(token.lastUsedAt) : t('tokens.neverUsed')}</td>
      <td>
        {status === 'active' && <Badge tone="success">{t('tokens.statusActive')}</Badge>}
        {status === 'expired' && <Badge tone="warning">{t('tokens.statusExpired')}</Badge>}
        {status === 'revoked' && <Badge tone="neutral">{t('tokens.statusRevoked')}</Badge>}
      </td>
      <td>
        {status === 'active' && (
          <button type="button" className="button button--small button--danger" onClick={onRevoke} data-testid="revoke-token">
            {t('tokens.revoke')}
            <span className="visually-hidden"> {token.name}</span>
          </button>
        )}
      </td>
    </tr>
  );
}

function CreateToken({ onCreated }: { onCreated: () => void }) {
  const { t } = useTranslation('access');
  const form = useFormErrors();
  const mapError = useApiErrors();
  const { flash, clear: clearFlash } = useFlash();
  const [create, { loading }] = useMutation(CreateApiTokenMutation);
  const [name, setName] = useState('');
  const [expires, setExpires] = useState('');
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const today = isoDay(new Date().toISOString());

  const submit = async () => {
    if (loading) return;
    clearFlash();
    const fields: Record<string, FieldMessage> = {};
    if (!name.trim()) fields['name'] = { text: t('tokens.nameMissing') };
    if (expires && !isIsoDate(expires)) fields['expiresAt'] = { text: t('serverMessage.dateFormat') };
    else if (expires && expires < today) fields['expiresAt'] = { text: t('serverMessage.expiryPast') };
    if (hasErrors({ fields, general: [] })) return form.show({ fields, general: [] });
    try {
      const { data } = await create({ variables: { name: name.trim(), expiresAt: expires ? endOfDay(expires) : null } });
      form.clear();
      setCreated({ name: data!.createApiToken.apiToken.name, token: data!.createApiToken.token });
      setName('');
      setExpires('');
      flash(t('tokens.created', { name: data!.createApiToken.apiToken.name }));
      onCreated();
    } catch (error) {
      form.show(mapError(error, fieldsOf('name', 'expiresAt')).errors);
    }
  };

  return (
    <section className="panel" aria-labelledby="token-create-heading">
      <h2 id="token-create-heading" className="panel__heading">
        {t('tokens.createHeading')}
      </h2>
      {created ? (
        <div data-testid="token-created">
          <OneTimeSecret label={t('tokens.tokenFor', { name: created.name })} value={created.token} warning={t('tokens.warning')} testId="token-secret" />
          <p className="field-hint">{t('tokens.usage')}</p>
          <button type="button" className="button button--secondary" onClick={() => setCreated(null)} data-testid="token-done">
            {t('tokens.done')}
          </button>
        </div>
      ) : (
        <>
          <p>{t('tokens.createLead')}</p>
          <Form state={form} onSubmit={() => void submit()} idPrefix="token" testId="token-form" className="form form--narrow">
            <TextField name="name" label={t('tokens.name')} hint={t('tokens.nameHint')} autoComplete="off" value={name} onChange={setName} maxLength={200} />
            <TextField name="expiresAt" label={t('tokens.expiresOn')} optional hint={t('tokens.expiresHint')} type="date" value={expires} onChange={setExpires} />
            <FormActions>
              <button type="submit" className="button button--primary" aria-disabled={loading} data-testid="token-submit">
                {loading ? t('common.saving') : t('tokens.create')}
              </button>
            </FormActions>
          </Form>
        </>
      )}
    </section>
  );
}

function RevokeDialog({ token, onClose, onRevoked }: { token: ApiTokenRow_TokenFragment | null; onClose: () => void; onRevoked: () => void }) {
  const { t } = useTranslation('access');
  const { flash } = useFlash();
  const [revoke, { loading }] = useMutation(RevokeApiTokenMutation);
  const [failed, setFailed] = useState<string | null>(null);
  const [shown, setShown] = useState<ApiTokenRow_TokenFragment | null>(token);
  if (token && token !== shown) setShown(token);

  const close = () => {
    setFailed(null);
    onClose();
  };

  const confirm = async () => {
    if (!token || loading) return;
    setFailed(null);
    try {
      await revoke({ variables: { id: token.id } });
      flash(t('tokens.revoked', { name: token.name }));
      onRevoked();
      close();
    } catch (error) {
      setFailed(apiProblem(error).code === 'NOT_FOUND' ? t('common.gone') : t('common.actionFailed'));
    }
  };

  return (
    <Dialog open={Boolean(token)} onClose={close} title={t('tokens.revokeTitle', { name: shown?.name ?? '' })} testId="revoke-dialog">
      <p>{t('tokens.revokeBody')}</p>
      {failed && (
        <p className="field-error" role="alert">
          <span aria-hidden="true" className="field-error__icon">
            !
          </span>
          {failed}
        </p>
      )}
      <div className="dialog__actions">
        <button type="button" className="button button--danger" onClick={() => void confirm()} aria-disabled={loading} data-testid="revoke-confirm">
          {loading ? t('tokens.revoking') : t('tokens.revokeConfirm')}
        </button>
        <button type="button" className="button button--secondary" onClick={close} data-autofocus>
          {t('common.cancel')}
        </button>
      </div>
    </Dialog>
  );
}
