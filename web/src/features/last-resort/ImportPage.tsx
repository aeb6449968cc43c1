import { useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../shared/hooks/useDocumentTitle';
import { PageHeader } from '../../shared/ui/PageHeader';
import { TableScroll } from '../../shared/ui/TableScroll';
import { exampleCsv, rowErrors, type RowError } from './csv-errors';
import { LastResortNav } from './LastResortNav';
import { ListingEntry } from './ListingEntry';

const IMPORT = 'mutation ImportListings($csv: String!) { importListings(csv: $csv) { rows units years } }';
const COLUMNS = ['hsa_id', 'unit_id', 'year', 'month', 'listed_persons'] as const;

type State =
  | { kind: 'idle' }
  | { kind: 'uploading'; percent: number }
  | { kind: 'processing' }
  | { kind: 'done'; rows: number; units: number; years: number[] }
  | { kind: 'refused'; errors: RowError[] }
  | { kind: 'failed' };

/**
 * Sends the file's text as one GraphQL request with XMLHttpRequest, so the upload's progress can
 * be shown; then says honestly that the server is checking, until it answers.
 */
function send(csv: string, onProgress: (percent: number) => void, onSent: () => void): Promise<State> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/graphql');
    xhr.withCredentials = true;
    xhr.setRequestHeader('content-type', 'application/json');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100));
    };
    xhr.upload.onload = onSent;
    xhr.onerror = () => resolve({ kind: 'failed' });
    xhr.onload = () => {
      try {
        const body = JSON.parse(xhr.responseText) as {
          data?: { importListings?: { rows: number; units: number; years: number[] } } | null;
          errors?: { extensions?: { code?: string; fields?: { path: string; message: string }[] } }[];
        };
        const result = body.data?.importListings;
        if (result) resolve({ kind: 'done', ...result });
        else if (body.errors?.[0]?.extensions?.code === 'BAD_USER_INPUT') resolve({ kind: 'refused', errors: rowErrors(body.errors[0].extensions.fields) });
        else resolve({ kind: 'failed' });
      } catch {
        resolve({ kind: 'failed' });
      }
    };
    xhr.send(JSON.stringify({ query: IMPORT, variables: { csv } }));
  });
}

/** Import of listed persons from a CSV file: documented columns, an example, progress, and the bad rows. */
export default function ImportPage() {
  const { t } = useTranslation('lastResort');
  useDocumentTitle(t('import.title'));
  const fileId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [state, setState] = useState<State>({ kind: 'idle' });
  const [missing, setMissing] = useState(false);
  const example = useMemo(() => `data:text/csv;charset=utf-8,${encodeURIComponent(exampleCsv())}`, []);
  const busy = state.kind === 'uploading' || state.kind === 'processing';

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (!file) {
      setMissing(true);
      return;
    }
    setMissing(false);
    setState({ kind: 'uploading', percent: 0 });
    const text = await file.text();
    const result = await send(
      text,
      (percent) => setState({ kind: 'uploading', percent }),
      () => setState({ kind: 'processing' }),
    );
    setState(result);
  }

  return (
    <div className="page">
      <PageHeader title={t('import.title')} lead={t('import.lead')} />
      <LastResortNav />
      <h2>{t('import.columnsHeading')}</h2>
      <dl>
        {COLUMNS.map((c) => (
          <div key={c}>
            <dt className="code">{c}</dt>
            <dd>{t(`import.columns.${c}`)}</dd>
          </div>
        ))}
      </dl>
      <p>{t('import.format')}</p>
      <p>
        <a href={example} download="listade-personer-exempel.csv">
          {t('import.example')}
        </a>
      </p>
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <p>
          <label htmlFor={fileId}>{t('import.file')}</label>
          <br />
          <input
            id={fileId}
            type="file"
            accept=".csv,text/csv"
            aria-invalid={missing || undefined}
            aria-describedby={missing ? `${fileId}-error` : undefined}
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            data-testid="listing-file"
          />
          {missing && (
            <span id={`${fileId}-error`} className="field-error">
              {t('import.chooseFile')}
            </span>
          )}
        </p>
        <p>
          <button type="submit" className="button button--primary" disabled={busy}>
            {t('import.submit')}
          </button>
        </p>
      </form>
      <div role="status" aria-live="polite" data-testid="import-status">
        {state.kind === 'uploading' && (
          <>
            <progress max={100} value={state.percent} aria-label={t('import.uploading', { percent: state.percent })} />{' '}
            {t('import.uploading', { percent: state.percent })}
          </>
        )}
        {state.kind === 'processing' && <p>{t('import.processing')}</p>}
        {state.kind === 'done' && <p>{t('import.done', { rows: state.rows, units: state.units, years: state.years.join(', ') })}</p>}
        {state.kind === 'failed' && <p>{t('import.networkError')}</p>}
        {state.kind === 'refused' && <p>{t('import.failed', { count: state.errors.length })}</p>}
      </div>
      {state.kind === 'refused' && (
        <TableScroll label={t('import.errorsLabel')}>
          <table className="table" data-testid="import-errors">
            <caption>{t('import.errorsLabel')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('import.line')}</th>
                <th scope="col">{t('import.column')}</th>
                <th scope="col">{t('import.message')}</th>
              </tr>
            </thead>
            <tbody>
              {state.errors.map((r, i) => (
                <tr key={i}>
                  <td>{r.line === 0 ? t('import.wholeFile') : r.line}</td>
                  <td className="code">{r.column}</td>
                  <td lang="en">{r.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <ListingEntry />
    </div>
  );
}
