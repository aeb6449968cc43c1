import { createHash } from 'node:crypto';
import path from 'node:path';
import busboy from 'busboy';
import express, { type NextFunction, type Request, type Response } from 'express';
import { fileTypeFromBuffer } from 'file-type';
import { GraphQLError } from 'graphql';
import type { DataSource } from 'typeorm';
import { ErrorCode } from '@insyn/shared';
import type { Config } from '../../app/config.js';
import { createContext, type Context } from '../../app/context.js';
import type { Logger } from '../../app/logger.js';
import { access } from '../../common/access.js';
import { recordAudit } from '../../common/audit.js';
import { notFound } from '../../common/errors.js';
import { isId } from '../../common/ids.js';
import { Attachment } from './entities.js';
import { canEdit, readableReport } from './reports.js';
import { LocalDiskStore, type AttachmentStore } from './storage.js';

export function attachmentStore(config: Config): AttachmentStore {
  return new LocalDiskStore(path.join(config.dataDir, 'attachments'));
}

/** Document and image types accepted, as detected from the content itself. */
const ALLOWED = new Map<string, string>([
  ['application/pdf', 'PDF'],
  ['image/png', 'PNG'],
  ['image/jpeg', 'JPEG'],
  ['image/webp', 'WebP'],
  ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'Word'],
  ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'Excel'],
  ['application/vnd.openxmlformats-officedocument.presentationml.presentation', 'PowerPoint'],
  ['application/vnd.oasis.opendocument.text', 'OpenDocument text'],
  ['application/vnd.oasis.opendocument.spreadsheet', 'OpenDocument spreadsheet'],
]);

/** Plain text and CSV have no signature: accepted when the name says so and the bytes are UTF-8 text. */
function textType(fileName: string, data: Buffer): string | null {
  const ext = path.extname(fileName).toLowerCase();
  if (ext !== '.txt' && ext !== '.csv') return null;
  if (data.includes(0)) return null;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    return null;
  }
  return ext === '.csv' ? 'text/csv' : 'text/plain';
}

export async function detectMediaType(fileName: string, data: Buffer): Promise<string | null> {
  const detected = await fileTypeFromBuffer(data);
  if (detected && ALLOWED.has(detected.mime)) return detected.mime;
  if (!detected) return textType(fileName, data);
  return null;
}

/** The report of a file the viewer may read; otherwise the file is NOT_FOUND, word for word as a file that does not exist. */
async function reportOfAttachment(ctx: Context, attachment: Attachment): Promise<void> {
  try {
    await readableReport(ctx, attachment.reportId);
  } catch (error) {
    if (error instanceof GraphQLError && error.extensions.code === ErrorCode.NOT_FOUND) throw notFound('Attachment');
    throw error;
  }
}

function safeFileName(name: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
  const base = path.basename(name.replace(/\\/g, '/')).replace(/[\u0000-\u001f"<>|:*?]/g, '_').trim();
  return (base || 'fil').slice(0, 200);
}

function fail(res: Response, status: number, code: string, message: string, fields?: { path: string; message: string }[]): void {
  res.status(status).json({ errors: [{ message, extensions: { code, ...(fields ? { fields } : {}) } }] });
}

function sendError(res: Response, error: unknown, log: Logger): void {
  if (error instanceof GraphQLError) {
    const code = String(error.extensions.code);
    const status = code === 'NOT_FOUND' ? 404 : code === 'UNAUTHENTICATED' ? 401 : code === 'FORBIDDEN' ? 403 : 400;
    fail(res, status, code, error.message, error.extensions.fields as never);
    return;
  }
  log.error({ err: error }, 'attachment request failed');
  fail(res, 500, ErrorCode.INTERNAL_SERVER_ERROR, 'Internal server error');
}

/** Reads one multipart upload into memory, refusing it as soon as it exceeds the limit. */
function readUpload(req: Request, limit: number): Promise<{ fields: Record<string, string>; file: { name: string; data: Buffer } | null; tooLarge: boolean }> {
  return new Promise((resolve, reject) => {
    const fields: Record<string, string> = {};
    let file: { name: string; data: Buffer } | null = null;
    let tooLarge = false;
    let parser: busboy.Busboy;
    try {
      // Browsers send file names as UTF-8 (busboy would read them as latin1: "skÃ¤rmbild.png").
      parser = busboy({ headers: req.headers, defParamCharset: 'utf8', limits: { files: 1, fileSize: limit, fields: 10, fieldSize: 1000 } });
    } catch (e) {
      reject(e);
      return;
    }
    parser.on('field', (name, value) => (fields[name] = value));
    parser.on('file', (_name, stream, info) => {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('limit', () => (tooLarge = true));
      stream.on('end', () => (file = { name: info.filename ?? '', data: Buffer.concat(chunks) }));
    });
    parser.on('error', reject);
    parser.on('close', () => resolve({ fields, file, tooLarge }));
    req.pipe(parser);
  });
}

/**
 * POST /attachments (multipart: reportId, questionId, file) and GET /attachments/:id. Authenticated
 * like /graphql; uploads need the `apollo-require-preflight` header (CSRF protection).
 */
export function attachmentRoutes(config: Config, ds: DataSource, log: Logger, store: AttachmentStore): express.Router {
  const router = express.Router();
  const context = (req: Request, res: Response): Context =>
    createContext({ em: ds.manager, log: log.child({ requestId: req.requestId }), requestId: req.requestId, config, req, res });

  router.post('/', async (req: Request, res: Response, _next: NextFunction) => {
    if (!req.header('apollo-require-preflight') && !req.header('x-apollo-operation-name')) {
      fail(res, 400, ErrorCode.BAD_USER_INPUT, 'Send the header apollo-require-preflight: true with uploads');
      return;
    }
    if (!req.is('multipart/form-data')) {
      fail(res, 400, ErrorCode.BAD_USER_INPUT, 'Send the file as multipart/form-data', [{ path: 'file', message: 'Choose a file' }]);
      return;
    }
    const ctx = context(req, res);
    try {
      const viewer = await access.user(ctx);
      const upload = await readUpload(req, config.ATTACHMENT_MAX_BYTES);
      const { reportId, questionId } = upload.fields;
      const report = await readableReport(ctx, reportId ?? '');
      if (!canEdit(viewer, report)) {
        throw new GraphQLError('Files are added only while the provider edits the report', { extensions: { code: ErrorCode.FORBIDDEN } });
      }
      const [question] =
        questionId && isId(questionId)
          ? await ds.query(`SELECT id, type FROM question WHERE id = $1 AND template_id = $2`, [questionId, report.templateId])
          : [];
      if (!question || question.type !== 'ATTACHMENT') {
        fail(res, 400, ErrorCode.BAD_USER_INPUT, 'No file question with this id in the report', [{ path: 'questionId', message: 'Not a file question of this report' }]);
        return;
      }
      if (upload.tooLarge) {
        const mb = Math.round(config.ATTACHMENT_MAX_BYTES / 1024 / 1024);
        fail(res, 413, ErrorCode.BAD_USER_INPUT, `The file is larger than ${mb} MB`, [{ path: 'file', message: `The file is larger than ${mb} MB` }]);
        return;
      }
      if (!upload.file || upload.file.data.length === 0) {
        fail(res, 400, ErrorCode.BAD_USER_INPUT, 'Choose a file', [{ path: 'file', message: 'Choose a file' }]);
        return;
      }
      const fileName = safeFileName(upload.file.name);
      const mediaType = await detectMediaType(fileName, upload.file.data);
      if (!mediaType) {
        const message = 'This kind of file is not accepted: use PDF, Word, Excel, PowerPoint, OpenDocument, text, CSV, PNG, JPEG or WebP';
        fail(res, 415, ErrorCode.BAD_USER_INPUT, message, [{ path: 'file', message }]);
        return;
      }
      const sha256 = createHash('sha256').update(upload.file.data).digest('hex');
      const key = await store.put(upload.file.data);
      const attachment = await ds.transaction(async (em) => {
        const [row] = await em.query(
          `INSERT INTO attachment (report_id, question_id, file_name, media_type, size, sha256, storage_key, created_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
          [report.id, question.id, fileName, mediaType, upload.file!.data.length, sha256, key, viewer.userId],
        );
        await recordAudit(em, { ...ctx, em }, {
          action: 'ATTACHMENT_UPLOADED',
          entityType: 'Report',
          entityId: report.id,
          after: { attachmentId: row.id, questionId: question.id, fileName, mediaType, size: upload.file!.data.length, sha256 },
        });
        return { id: row.id as string, fileName, mediaType, size: upload.file!.data.length, sha256 };
      });
      res.status(201).json(attachment);
    } catch (error) {
      sendError(res, error, log);
    }
  });

  router.get('/:id', async (req: Request, res: Response) => {
    const ctx = context(req, res);
    try {
      await access.require(ctx, ['ADMIN', 'REVIEWER', 'AUDITOR', 'PROVIDER']); // the same answer for every id to others
      const id = String(req.params.id);
      const attachment = isId(id) ? await ds.getRepository(Attachment).findOneBy({ id }) : null;
      if (!attachment) throw notFound('Attachment');
      await reportOfAttachment(ctx, attachment); // NOT_FOUND for those who may not read the report
      if (!store.exists(attachment.storageKey)) throw notFound('Attachment');
      res.setHeader('Content-Type', attachment.mediaType);
      res.setHeader('Content-Length', String(attachment.size));
      res.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(attachment.fileName)}`);
      res.setHeader('Cache-Control', 'private, no-store');
      store.get(attachment.storageKey).pipe(res);
    } catch (error) {
      sendError(res, error, log);
    }
  });

  return router;
}

export const attachmentService = {
  /** Removes a file from a report while the provider edits it (the stored bytes stay for the record of earlier submissions). */
  async remove(ctx: Context, attachmentId: string): Promise<boolean> {
    // The role first: someone who reads no report gets the same answer for every id.
    const viewer = await access.require(ctx, ['ADMIN', 'REVIEWER', 'AUDITOR', 'PROVIDER']);
    const attachment = isId(attachmentId) ? await ctx.em.getRepository(Attachment).findOneBy({ id: attachmentId }) : null;
    if (!attachment || attachment.deletedAt) throw notFound('Attachment');
    await reportOfAttachment(ctx, attachment);
    const refused = () => new GraphQLError('Files are removed only while the provider edits the report', { extensions: { code: ErrorCode.FORBIDDEN } });
    await ctx.em.transaction(async (em) => {
      // Checked on the locked report, so a submit in between cannot be followed by a removal.
      const [report] = await em.query('SELECT provider_id AS "providerId", status FROM report WHERE id = $1 FOR UPDATE', [attachment.reportId]);
      if (!canEdit(viewer, report)) throw refused();
      const removed: [unknown[], number] = await em.query('UPDATE attachment SET deleted_at = now() WHERE id = $1 AND deleted_at IS NULL RETURNING id', [attachmentId]);
      if (removed[1] !== 1) throw notFound('Attachment');
      await em.query(
        `UPDATE answer SET value = 'null'::jsonb, updated_at = now(), updated_by = $3 WHERE report_id = $1 AND value = to_jsonb($2::text)`,
        [attachment.reportId, attachmentId, viewer.userId],
      );
      await em.query('UPDATE report SET version = version + 1, updated_at = now() WHERE id = $1', [attachment.reportId]);
      await recordAudit(em, ctx, {
        action: 'ATTACHMENT_REMOVED',
        entityType: 'Report',
        entityId: attachment.reportId,
        before: { attachmentId, fileName: attachment.fileName },
      });
    });
    return true;
  },
};
