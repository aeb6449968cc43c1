import DataLoader from 'dataloader';
import { In } from 'typeorm';
import { z } from 'zod';
import type { Context } from '../../app/context.js';
import { access } from '../../common/access.js';
import { recordAudit } from '../../common/audit.js';
import { conflict, notFound } from '../../common/errors.js';
import { isId } from '../../common/ids.js';
import { parseInput } from '../../common/zod-input.js';
import { GoverningDocument } from '../program/entities.js';
import { diffConditions } from './diff.js';
import { Condition, GoverningDocumentVersion, type DocumentDiff } from './entities.js';
import type { AdoptGoverningDocumentVersionInput } from './inputs.js';

interface ConditionLoaders {
  versionsByDocument: DataLoader<string, GoverningDocumentVersion[]>;
  conditionsByVersion: DataLoader<string, Condition[]>;
}

const perRequest = new WeakMap<Context, ConditionLoaders>();

/** Batched reads for one request: one statement for all documents' versions, one for all versions' conditions. */
export function conditionLoaders(ctx: Context): ConditionLoaders {
  let loaders = perRequest.get(ctx);
  if (!loaders) {
    loaders = {
      versionsByDocument: new DataLoader(async (ids) => {
        const rows = await ctx.em.getRepository(GoverningDocumentVersion).find({ where: { documentId: In([...ids]) }, order: { version: 'ASC' } });
        return ids.map((id) => rows.filter((r) => r.documentId === id));
      }),
      conditionsByVersion: new DataLoader(async (ids) => {
        const rows = await ctx.em.getRepository(Condition).find({ where: { versionId: In([...ids]) }, order: { position: 'ASC' } });
        return ids.map((id) => rows.filter((r) => r.versionId === id));
      }),
    };
    perRequest.set(ctx, loaders);
  }
  return loaders;
}

const text = (label: string, max: number) => z.string().trim().min(1, `Enter ${label}`).max(max, `${label[0].toUpperCase()}${label.slice(1)} is too long`);

const adoptSchema = z
  .object({
    documentId: z.string(),
    expectedVersion: z.number().int().min(0, 'The version cannot be negative'),
    decisionReference: text('a decision reference', 100),
    decidedBy: text('who decided', 200),
    decidedAt: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter a date as YYYY-MM-DD'),
    note: z.string().trim().max(2000, 'The note is too long').nullish(),
    conditions: z
      .array(
        z.object({
          code: z
            .string()
            .trim()
            .min(1, 'Enter a code')
            .max(20, 'The code is too long')
            .regex(/^[\p{L}\p{N}][\p{L}\p{N}.-]*$/u, 'Use letters, digits, dots and dashes only'),
          heading: text('a heading', 300),
          text: text('the text of the condition', 5000),
        }),
      )
      .min(1, 'A version has at least one condition')
      .max(100, 'At most 100 conditions'),
  })
  .superRefine((input, zctx) => {
    const seen = new Set<string>();
    input.conditions.forEach((c, i) => {
      if (seen.has(c.code)) zctx.addIssue({ code: 'custom', path: ['conditions', i, 'code'], message: 'Two conditions have this code' });
      seen.add(c.code);
    });
  });

export const conditionsService = {
  async document(ctx: Context, id: string): Promise<GoverningDocument> {
    const doc = isId(id) ? await ctx.em.getRepository(GoverningDocument).findOneBy({ id }) : null;
    if (!doc) throw notFound('Governing document');
    return doc;
  },

  async versionOf(ctx: Context, documentId: string, version: number): Promise<GoverningDocumentVersion> {
    const found = (await conditionLoaders(ctx).versionsByDocument.load(documentId)).find((v) => v.version === version);
    if (!found) throw notFound('Version');
    return found;
  },

  async diff(ctx: Context, documentId: string, fromVersion: number, toVersion: number): Promise<DocumentDiff> {
    const doc = await conditionsService.document(ctx, documentId);
    const [from, to] = await Promise.all([conditionsService.versionOf(ctx, doc.id, fromVersion), conditionsService.versionOf(ctx, doc.id, toVersion)]);
    const loader = conditionLoaders(ctx).conditionsByVersion;
    const [a, b] = await Promise.all([loader.load(from.id), loader.load(to.id)]);
    return { documentId: doc.id, from, to, conditions: diffConditions(a, b) };
  },

  /** ADMIN: records a decided version; the version the editor saw must still be the latest. */
  async adopt(ctx: Context, raw: AdoptGoverningDocumentVersionInput): Promise<GoverningDocumentVersion> {
    const viewer = await access.requireWriter(ctx, ['ADMIN']);
    const input = parseInput(adoptSchema, raw);
    if (!isId(input.documentId)) throw notFound('Governing document');
    const id = await ctx.em.transaction(async (em) => {
      const [doc] = await em.query('SELECT id FROM governing_document WHERE id = $1 FOR UPDATE', [input.documentId]);
      if (!doc) throw notFound('Governing document');
      const [{ current }] = await em.query('SELECT coalesce(max(version), 0)::int AS current FROM governing_document_version WHERE document_id = $1', [doc.id]);
      if (current !== input.expectedVersion) throw conflict(current, 'A newer version of the document has been adopted since you started');
      const version = current + 1;
      const [row] = await em.query(
        `INSERT INTO governing_document_version (document_id, version, decision_reference, decided_by, decided_at, note, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [doc.id, version, input.decisionReference, input.decidedBy, input.decidedAt, input.note || null, viewer.userId ?? null],
      );
      await em.query(
        `INSERT INTO governing_document_condition (version_id, position, code, heading, text)
         SELECT $1, t.position - 1, t.code, t.heading, t.text
         FROM unnest($2::text[], $3::text[], $4::text[]) WITH ORDINALITY AS t(code, heading, text, position)`,
        [row.id, input.conditions.map((c) => c.code), input.conditions.map((c) => c.heading), input.conditions.map((c) => c.text)],
      );
      await recordAudit(em, ctx, {
        action: 'GOVERNING_DOCUMENT_VERSION_ADOPTED',
        entityType: 'GoverningDocument',
        entityId: doc.id,
        before: current ? { version: current } : null,
        after: {
          versionId: row.id,
          version,
          decisionReference: input.decisionReference,
          decidedBy: input.decidedBy,
          decidedAt: input.decidedAt,
          note: input.note || null,
          conditions: input.conditions,
        },
      });
      return row.id as string;
    });
    return ctx.em.getRepository(GoverningDocumentVersion).findOneByOrFail({ id });
  },
};
