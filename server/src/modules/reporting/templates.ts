import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { z } from 'zod';
import type { Context } from '../../app/context.js';
import { access } from '../../common/access.js';
import { recordAudit } from '../../common/audit.js';
import { mapConstraintError } from '../../common/db-errors.js';
import { badUserInput, conflict, notFound } from '../../common/errors.js';
import { isId } from '../../common/ids.js';
import { lockForUpdate } from '../../common/versioned.js';
import { parseInput } from '../../common/zod-input.js';
import { ServiceArea } from '../program/enums.js';
import { ReportTemplate } from './entities.js';
import { QuestionType, TemplateStatus } from './enums.js';
import type { ReportTemplateInput } from './template-inputs.js';

const id = z.string().refine(isId, 'Not a valid id');
const text = (label: string, max = 2000) => z.string().trim().min(1, `Enter ${label}`).max(max, 'Too long');
const optional = (max = 5000) =>
  z
    .string()
    .trim()
    .max(max, 'Too long')
    .transform((v) => (v === '' ? null : v))
    .nullish();

const questionSchema = z
  .object({
    id: id.nullish(),
    code: z.string().trim().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,29}$/, 'Use letters, digits, . - and _ (e.g. 1.3)'),
    text: text('the question'),
    textEn: optional(2000),
    help: optional(),
    helpEn: optional(),
    type: z.enum(QuestionType),
    required: z.boolean().nullish(),
    options: z
      .array(z.object({ key: z.string().trim().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'Keys are lower case: a-z, 0-9 and -'), label: text('a label', 300), labelEn: optional(300) }))
      .max(50)
      .nullish(),
    min: z.number().finite().nullish(),
    max: z.number().finite().nullish(),
    unitLabel: optional(30),
    goalId: id.nullish(),
    guidelineId: id.nullish(),
    indicatorId: id.nullish(),
    publicAnswer: z.boolean().nullish(),
  })
  .superRefine((q, zctx) => {
    const choice = q.type === QuestionType.SINGLE_CHOICE || q.type === QuestionType.MULTI_CHOICE;
    if (choice && !q.options?.length) zctx.addIssue({ code: 'custom', path: ['options'], message: 'Add at least one option' });
    if (!choice && q.options?.length) zctx.addIssue({ code: 'custom', path: ['options'], message: 'Only choice questions have options' });
    const keys = new Set<string>();
    q.options?.forEach((o, i) => {
      if (keys.has(o.key)) zctx.addIssue({ code: 'custom', path: ['options', i, 'key'], message: 'Two options have this key' });
      keys.add(o.key);
    });
    if (q.min != null && q.max != null && q.min > q.max) zctx.addIssue({ code: 'custom', path: ['max'], message: 'The maximum is below the minimum' });
    if (q.type === QuestionType.INDICATOR_VALUE && !q.indicatorId) {
      zctx.addIssue({ code: 'custom', path: ['indicatorId'], message: 'Choose the indicator the value is for' });
    }
    if (q.publicAnswer && q.type !== QuestionType.TEXT) {
      zctx.addIssue({ code: 'custom', path: ['publicAnswer'], message: 'Only free-text questions are marked public; other answers follow the publication rules' });
    }
  });

const templateSchema = z
  .object({
    name: text('a name', 300),
    nameEn: optional(300),
    serviceArea: z.enum(ServiceArea).nullish(),
    sections: z
      .array(z.object({ id: id.nullish(), title: text('a title', 300), titleEn: optional(300), questions: z.array(questionSchema).max(200) }))
      .min(1, 'Add at least one section')
      .max(50),
  })
  .superRefine((t, zctx) => {
    const codes = new Set<string>();
    t.sections.forEach((s, si) =>
      s.questions.forEach((q, qi) => {
        if (codes.has(q.code)) zctx.addIssue({ code: 'custom', path: ['sections', si, 'questions', qi, 'code'], message: 'Two questions have this code' });
        codes.add(q.code);
      }),
    );
  });

type TemplateData = z.infer<typeof templateSchema>;

const CONSTRAINTS: Record<string, [string, string]> = {
  question_goal_id_fkey: ['input', 'A question links to a goal that does not exist'],
  question_guideline_id_fkey: ['input', 'A question links to a guideline that does not exist'],
  question_indicator_id_fkey: ['input', 'A question links to an indicator that does not exist'],
};

/**
 * Ids in the input name sections and questions of the draft itself, to keep them; each at most
 * once. Anything else (another template's, or made up) is refused at its field.
 */
function checkKeptIds(data: TemplateData, existing: { sections: Set<string>; questions: Set<string> }): void {
  const fields: { path: string; message: string }[] = [];
  const seen = new Set<string>();
  const check = (id: string | null | undefined, kept: Set<string>, path: string, what: string) => {
    if (!id) return;
    if (!kept.has(id)) fields.push({ path, message: `Not a ${what} of this draft: leave the id out for a new one` });
    else if (seen.has(id)) fields.push({ path, message: `The same ${what} twice` });
    seen.add(id);
  };
  data.sections.forEach((s, si) => {
    check(s.id, existing.sections, `input.sections.${si}.id`, 'section');
    s.questions.forEach((q, qi) => check(q.id, existing.questions, `input.sections.${si}.questions.${qi}.id`, 'question'));
  });
  if (fields.length) throw badUserInput(fields, fields[0].message);
}

/** Replaces the content of a DRAFT template (the database refuses it for any other status). */
async function writeContent(em: EntityManager, templateId: string, data: TemplateData): Promise<void> {
  await em.query('DELETE FROM question WHERE template_id = $1', [templateId]);
  await em.query('DELETE FROM template_section WHERE template_id = $1', [templateId]);
  for (const [si, s] of data.sections.entries()) {
    const [section] = await em.query(
      'INSERT INTO template_section (id, template_id, position, title, title_en) VALUES (coalesce($1, gen_random_uuid()), $2, $3, $4, $5) RETURNING id',
      [s.id ?? null, templateId, si, s.title, s.titleEn ?? null],
    );
    for (const [qi, q] of s.questions.entries()) {
      await em.query(
        `INSERT INTO question (id, template_id, section_id, position, code, text, text_en, help, help_en, type, required, options,
                               min_value, max_value, unit_label, goal_id, guideline_id, indicator_id, public_answer)
         VALUES (coalesce($1, gen_random_uuid()), $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)`,
        [
          q.id ?? null,
          templateId,
          section.id,
          qi,
          q.code,
          q.text,
          q.textEn ?? null,
          q.help ?? null,
          q.helpEn ?? null,
          q.type,
          q.required ?? false,
          q.options?.length ? JSON.stringify(q.options) : null,
          q.min ?? null,
          q.max ?? null,
          q.unitLabel ?? null,
          q.goalId ?? null,
          q.guidelineId ?? null,
          q.indicatorId ?? null,
          q.publicAnswer ?? false,
        ],
      );
    }
  }
}

export async function templateContent(em: EntityManager, templateId: string): Promise<TemplateData['sections']> {
  const sections: { id: string; title: string; title_en: string | null }[] = await em.query(
    'SELECT id, title, title_en FROM template_section WHERE template_id = $1 ORDER BY position',
    [templateId],
  );
  const questions = await em.query(
    `SELECT section_id, code, text, text_en AS "textEn", help, help_en AS "helpEn", type, required, options, min_value AS min, max_value AS max,
            unit_label AS "unitLabel", goal_id AS "goalId", guideline_id AS "guidelineId", indicator_id AS "indicatorId",
            public_answer AS "publicAnswer"
     FROM question WHERE template_id = $1 ORDER BY position`,
    [templateId],
  );
  return sections.map((s) => ({
    id: null,
    title: s.title,
    titleEn: s.title_en,
    questions: questions
      .filter((q: { section_id: string }) => q.section_id === s.id)
      .map(({ section_id: _s, ...q }: { section_id: string }) => ({ ...q, id: null })),
  }));
}

export const templateService = {
  async create(ctx: Context, input: ReportTemplateInput): Promise<ReportTemplate> {
    await access.requireWriter(ctx, ['ADMIN']);
    const data = parseInput(templateSchema, input);
    checkKeptIds(data, { sections: new Set(), questions: new Set() });
    const newId = await ctx.em
      .transaction(async (em) => {
        const [row] = await em.query(
          `INSERT INTO report_template (family_id, name, name_en, service_area, template_version) VALUES ($1, $2, $3, $4, 1) RETURNING id`,
          [randomUUID(), data.name, data.nameEn ?? null, data.serviceArea ?? 'ALL'],
        );
        await writeContent(em, row.id, data);
        await recordAudit(em, ctx, { action: 'TEMPLATE_CREATED', entityType: 'ReportTemplate', entityId: row.id, after: data });
        return row.id as string;
      })
      .catch((e) => mapConstraintError(e, CONSTRAINTS));
    return (await ctx.em.getRepository(ReportTemplate).findOneBy({ id: newId }))!;
  },

  async saveDraft(ctx: Context, templateId: string, expectedVersion: number, input: ReportTemplateInput): Promise<ReportTemplate> {
    await access.requireWriter(ctx, ['ADMIN']);
    if (!isId(templateId)) throw notFound('Template');
    const data = parseInput(templateSchema, input);
    await ctx.em
      .transaction(async (em) => {
        const before = await lockForUpdate<{ version: number; status: string; name: string; name_en: string | null }>(
          em,
          'report_template',
          templateId,
          expectedVersion,
          'Template',
        );
        if (before.status !== TemplateStatus.DRAFT) {
          throw badUserInput([{ path: 'id', message: 'A published template is frozen: make a new version to change it' }]);
        }
        const kept = async (table: string) =>
          new Set<string>((await em.query(`SELECT id FROM ${table} WHERE template_id = $1`, [templateId])).map((r: { id: string }) => r.id));
        checkKeptIds(data, { sections: await kept('template_section'), questions: await kept('question') });
        const beforeContent = await templateContent(em, templateId);
        await writeContent(em, templateId, data);
        await em.query(
          'UPDATE report_template SET name = $2, name_en = $3, service_area = $4, version = version + 1, updated_at = now() WHERE id = $1',
          [templateId, data.name, data.nameEn ?? null, data.serviceArea ?? 'ALL'],
        );
        await recordAudit(em, ctx, {
          action: 'TEMPLATE_UPDATED',
          entityType: 'ReportTemplate',
          entityId: templateId,
          before: { name: before.name, nameEn: before.name_en, sections: beforeContent },
          after: { name: data.name, nameEn: data.nameEn ?? null, sections: await templateContent(em, templateId) },
        });
      })
      .catch((e) => mapConstraintError(e, CONSTRAINTS));
    return (await ctx.em.getRepository(ReportTemplate).findOneBy({ id: templateId }))!;
  },

  async publish(ctx: Context, templateId: string, expectedVersion: number): Promise<ReportTemplate> {
    await access.requireWriter(ctx, ['ADMIN']);
    if (!isId(templateId)) throw notFound('Template');
    await ctx.em.transaction(async (em) => {
      const before = await lockForUpdate<{ version: number; status: string }>(em, 'report_template', templateId, expectedVersion, 'Template');
      if (before.status !== TemplateStatus.DRAFT) throw badUserInput([{ path: 'id', message: 'Only a draft is published' }]);
      const [{ n }] = await em.query('SELECT count(*) AS n FROM question WHERE template_id = $1', [templateId]);
      if (n === 0) throw badUserInput([{ path: 'id', message: 'Add questions before publishing' }]);
      await em.query(
        `UPDATE report_template SET status = 'PUBLISHED', published_at = now(), version = version + 1, updated_at = now() WHERE id = $1`,
        [templateId],
      );
      await recordAudit(em, ctx, {
        action: 'TEMPLATE_PUBLISHED',
        entityType: 'ReportTemplate',
        entityId: templateId,
        before: { status: 'DRAFT' },
        after: { status: 'PUBLISHED' },
      });
    });
    return (await ctx.em.getRepository(ReportTemplate).findOneBy({ id: templateId }))!;
  },

  /** A new DRAFT version copied from a template; reports already running keep their version. */
  async newVersion(ctx: Context, templateId: string): Promise<ReportTemplate> {
    await access.requireWriter(ctx, ['ADMIN']);
    const source = isId(templateId) ? await ctx.em.getRepository(ReportTemplate).findOneBy({ id: templateId }) : null;
    if (!source) throw notFound('Template');
    const newId = await ctx.em.transaction(async (em) => {
      const drafts = await em.query(`SELECT id FROM report_template WHERE family_id = $1 AND status = 'DRAFT'`, [source.familyId]);
      if (drafts.length) throw conflict(source.version, 'A draft version of this template already exists');
      const [row] = await em.query(
        `INSERT INTO report_template (family_id, name, name_en, service_area, template_version)
         VALUES ($1, $2, $3, $4, 1 + (SELECT max(template_version) FROM report_template WHERE family_id = $1)) RETURNING id`,
        [source.familyId, source.name, source.nameEn, source.serviceArea],
      );
      const sections = await templateContent(em, templateId);
      await writeContent(em, row.id, { name: source.name, nameEn: source.nameEn, serviceArea: source.serviceArea, sections });
      await recordAudit(em, ctx, {
        action: 'TEMPLATE_VERSION_CREATED',
        entityType: 'ReportTemplate',
        entityId: row.id,
        after: { from: templateId },
      });
      return row.id as string;
    });
    return (await ctx.em.getRepository(ReportTemplate).findOneBy({ id: newId }))!;
  },
};
