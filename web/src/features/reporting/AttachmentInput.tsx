import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../shared/hooks/useFormat';
import { fileSize } from './values';

export interface AttachmentInfo {
  id: string;
  fileName: string;
  size: number;
  mediaType: string;
  questionId: string;
}

export type UploadResult = { ok: true; attachment: AttachmentInfo } | { ok: false; message: string };

/**
 * Sends a file to POST /attachments (multipart: reportId, questionId, file). The header is the
 * server's CSRF check for uploads. Each refusal becomes a message for the field.
 */
export async function uploadAttachment(
  reportId: string,
  questionId: string,
  file: File,
  messages: { tooLarge: (mb: string) => string; badType: string; empty: string; session: string; failed: string },
): Promise<UploadResult> {
  const body = new FormData();
  body.append('reportId', reportId);
  body.append('questionId', questionId);
  body.append('file', file, file.name);
  let response: Response;
  try {
    response = await fetch('/attachments', { method: 'POST', body, credentials: 'same-origin', headers: { 'apollo-require-preflight': 'true' } });
  } catch {
    return { ok: false, message: messages.failed };
  }
  if (response.status === 201) {
    const data = (await response.json()) as Omit<AttachmentInfo, 'questionId'>;
    return { ok: true, attachment: { ...data, questionId } };
  }
  let message = '';
  try {
    const json = (await response.json()) as { errors?: { message?: string; extensions?: { fields?: { message: string }[] } }[] };
    const error = json.errors?.[0];
    message = error?.extensions?.fields?.[0]?.message ?? error?.message ?? '';
  } catch {
    // not JSON: a proxy's page
  }
  if (response.status === 413) return { ok: false, message: messages.tooLarge(/(\d+) MB/.exec(message)?.[1] ?? '20') };
  if (response.status === 415) return { ok: false, message: messages.badType };
  if (response.status === 401) return { ok: false, message: messages.session };
  if (message === 'Choose a file') return { ok: false, message: messages.empty };
  return { ok: false, message: messages.failed };
}

/**
 * The file of an ATTACHMENT question: a file input while there is none; then its name, size, a
 * download link and a remove button. Upload and removal are announced; problems show at the field.
 */
export function AttachmentInput({
  id,
  labelId,
  describedBy,
  invalid,
  attachment,
  onUpload,
  onRemove,
  disabled,
}: {
  id: string;
  /** The question's label: it names the uploaded file's box. */
  labelId: string;
  describedBy: string | undefined;
  invalid: boolean;
  attachment: AttachmentInfo | null;
  onUpload: (file: File) => Promise<string | null>;
  onRemove: (attachment: AttachmentInfo) => Promise<string | null>;
  disabled?: boolean;
}) {
  const { t } = useTranslation('reporting');
  const format = useFormat();
  const [busy, setBusy] = useState<'upload' | 'remove' | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [announce, setAnnounce] = useState('');
  const cardRef = useRef<HTMLDivElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const focusNext = useRef<'card' | 'input' | null>(null);

  useEffect(() => {
    if (focusNext.current === 'card') cardRef.current?.focus();
    if (focusNext.current === 'input') inputRef.current?.focus();
    focusNext.current = null;
  });

  const upload = async (file: File) => {
    setBusy('upload');
    setProblem(null);
    setAnnounce(t('attachment.uploading', { name: file.name }));
    const failure = await onUpload(file);
    setBusy(null);
    if (failure) {
      setProblem(failure);
      setAnnounce('');
      if (inputRef.current) inputRef.current.value = '';
      return;
    }
    setAnnounce(t('attachment.uploaded', { name: file.name }));
    focusNext.current = 'card';
  };

  const remove = async (a: AttachmentInfo) => {
    if (busy) return;
    setBusy('remove');
    setProblem(null);
    const failure = await onRemove(a);
    setBusy(null);
    if (failure) {
      setProblem(failure);
      return;
    }
    setAnnounce(t('attachment.removed'));
    focusNext.current = 'input';
  };

  const problemId = `${id}-upload-error`;
  return (
    <div className="attachment">
      {problem && (
        <p className="field-error" id={problemId} role="alert">
          <span aria-hidden="true" className="field-error__icon">
            !
          </span>
          <span>{problem}</span>
        </p>
      )}
      {attachment ? (
        <div
          className="attachment__card"
          id={id}
          ref={cardRef}
          tabIndex={-1}
          role="group"
          aria-labelledby={labelId}
          aria-describedby={describedBy}
          data-testid="attachment-card"
        >
          <span className="attachment__icon" aria-hidden="true">
            <svg viewBox="0 0 24 24" width="22" height="22" focusable="false">
              <path d="M6 2h8l5 5v15H6z" fill="none" stroke="currentColor" strokeWidth="1.8" />
              <path d="M14 2v5h5" fill="none" stroke="currentColor" strokeWidth="1.8" />
            </svg>
          </span>
          <span className="attachment__text">
            <span className="visually-hidden">{t('attachment.current')}: </span>
            <span className="attachment__name" data-testid="attachment-name">
              {attachment.fileName}
            </span>
            <span className="attachment__size">{fileSize(attachment.size, format.language)}</span>
          </span>
          <span className="attachment__actions">
            <a href={`/attachments/${encodeURIComponent(attachment.id)}`} className="button button--small button--secondary" download={attachment.fileName}>
              {t('attachment.download')}
              <span className="visually-hidden"> {attachment.fileName}</span>
            </a>
            {!disabled && (
              <button type="button" className="button button--small button--danger" onClick={() => void remove(attachment)} aria-disabled={busy !== null} data-testid="attachment-remove">
                {busy === 'remove' ? t('attachment.removing') : t('attachment.remove')}
                <span className="visually-hidden"> {attachment.fileName}</span>
              </button>
            )}
          </span>
        </div>
      ) : (
        <input
          ref={inputRef}
          id={id}
          type="file"
          className="attachment__input"
          disabled={disabled || busy === 'upload'}
          aria-invalid={invalid || problem ? true : undefined}
          aria-describedby={[describedBy, problem ? problemId : null, `${id}-types`].filter(Boolean).join(' ') || undefined}
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void upload(file);
          }}
          data-testid="attachment-input"
        />
      )}
      {!attachment && (
        <p className="field-hint attachment__types" id={`${id}-types`}>
          {t('attachment.chooseHint')}
        </p>
      )}
      <p className="visually-hidden" role="status">
        {announce}
      </p>
    </div>
  );
}
