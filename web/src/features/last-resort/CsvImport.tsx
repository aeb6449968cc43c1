import { useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TableScroll } from '../../shared/ui/TableScroll';
import { rowErrors, type RowError } from './csv-errors';

/** What an import mutation answers when every row is saved. */
interface Imported {
  rows: number;
  units: number;
  years: number[];
}

type State =
  | { kind: 'idle' }
  | { kind: 'uploading'; percent: number }
  | { kind: 'processing' }
  | ({ kind: 'done' } & Imported)
  | { kind: 'refused'; errors: RowError[] }
  | { kind: 'failed' };

/**
 * Sends the file's text as one GraphQL request with XMLHttpRequest, so the upload's progress can
 * be shown; then says honestly that the server is checking, until it answers.
 */
function send(mutation: string, field: string, csv: string, onProgress: (percent: number) => void, onSent: () => void): Promise<State> {
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
          data?: Record<string, Imported | null | undefined> | null;
          errors?: { extensions?: { code?: string; fields?: { path: string; message: string }[] } }[];
        };
        const result = body.data?.[field];
        if (result) resolve({ kind: 'done', ...result });
        else if (body.errors?.[0]?.extensions?.code === 'BAD_USER_INPUT') resolve({ kind: 'refused', errors: rowErrors(body.errors[0].extensions.fields) });
        else resolve({ kind: 'failed' });
      } catch {
        resolve({ kind: 'failed' });
      }
    };
    xhr.send(JSON.stringify({ query: mutation, variables: { csv } }));
  });
}

/**
 * The import of a CSV file: its documented columns, an example to download, the upload's progress,
 * and the refused rows. The texts are the `import` texts of the namespace given; the mutation takes
 * the file's text as `$csv` and answers, in `field`, the rows, units and years saved.
 */
export function CsvImport({
  namespace,
  mutation,
  field,
  columns,
  columnsHeading: Heading,
  example,
  exampleName,
  testIds,
  onDone,
}: {
  namespace: 'lastResort' | 'compensation';
  mutation: string;
  field: string;
  columns: readonly string[];
  columnsHeading: 'h2' | 'h3';
  example: string;
  exampleName: string;
  testIds: { file: string; submit?: string; status: string; errors: string };
  onDone?: () => void;
}) {
  const { t } = useTranslation(namespace);
  const fileId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [state, setState] = useState<State>({ kind: 'idle' });
  const [missing, setMissing] = useState(false);
  const href = useMemo(() => `data:text/csv;charset=utf-8,${encodeURIComponent(example)}`, [example]);
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
      mutation,
      field,
      text,
      (percent) => setState({ kind: 'uploading', percent }),
      () => setState({ kind: 'processing' }),
    );
    setState(result);
    if (result.kind === 'done') onDone?.();
  }

  return (
    <>
      <Heading>{t('import.columnsHeading')}</Heading>
      <dl>
        {columns.map((c) => (
          <div key={c}>
            <dt className="code">{c}</dt>
            <dd>{t(`import.columns.${c}` as 'import.columns.year')}</dd>
          </div>
        ))}
      </dl>
      <p>{t('import.format')}</p>
      <p>
        <a href={href} download={exampleName}>
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
            data-testid={testIds.file}
          />
          {missing && (
            <span id={`${fileId}-error`} className="field-error">
              {t('import.chooseFile')}
            </span>
          )}
        </p>
        <p>
          <button type="submit" className="button button--primary" disabled={busy} data-testid={testIds.submit}>
            {t('import.submit')}
          </button>
        </p>
      </form>
      <div role="status" aria-live="polite" data-testid={testIds.status}>
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
          <table className="table" data-testid={testIds.errors}>
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
    </>
  );
}
