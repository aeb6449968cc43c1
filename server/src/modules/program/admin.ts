import { isAmberThresholdConsistent } from '@insyn/shared';
import type { EntityManager } from 'typeorm';
import { z } from 'zod';
import type { Context } from '../../app/context.js';
import { access } from '../../common/access.js';
import { insertAudited, updateAudited } from '../../common/admin-save.js';
import { diff, recordAudit } from '../../common/audit.js';
import { mapConstraintError } from '../../common/db-errors.js';
import { badField, badUserInput, conflict, notFound } from '../../common/errors.js';
import { isId } from '../../common/ids.js';
import { lockForUpdate, updateVersioned } from '../../common/versioned.js';
import { parseInput } from '../../common/zod-input.js';
import { Indicator, Program, Target } from './entities.js';
import { Direction, GoalCategory, IndicatorUnit, Obligation, ProgramStatus, ServiceArea } from './enums.js';
import type { AdoptProgramInput, IndicatorInput, ProgramDraftInput, TargetInput } from './admin-inputs.js';

const text = (label: string, max = 500) => z.string().trim().min(1, `Enter ${label}`).max(max, `${label} is too long`);
const year = z.number().int().min(2000, 'Enter a year from 2000').max(2100, 'Enter a year up to 2100');
const id = z.string().refine(isId, 'Not a valid id');

const draftSchema = z
  .object({
    title: text('a title'),
    termStart: year,
    termEnd: year,
    decisionReference: text('a decision reference', 100),
    goals: z
      .array(
        z.object({
          id: id.nullish(),
          code: text('a code', 20),
          title: text('a title'),
          description: z.string().trim().max(5000).nullish(),
          category: z.enum(GoalCategory),
        }),
      )
      .max(100),
    guidelines: z
      .array(
        z.object({
          id: id.nullish(),
          code: text('a code', 20),
          text: text('the guideline', 5000),
          obligation: z.enum(Obligation),
          goalCode: z.string().trim().nullish(),
        }),
      )
      .max(200),
  })
  .superRefine((p, zctx) => {
    if (p.termEnd < p.termStart) zctx.addIssue({ code: 'custom', path: ['termEnd'], message: 'The term cannot end before it starts' });
    const goalCodes = new Set<string>();
    p.goals.forEach((g, i) => {
      if (goalCodes.has(g.code)) zctx.addIssue({ code: 'custom', path: ['goals', i, 'code'], message: 'Two goals have this code' });
      goalCodes.add(g.code);
    });
    const guidelineCodes = new Set<string>();
    p.guidelines.forEach((g, i) => {
      if (guidelineCodes.has(g.code)) zctx.addIssue({ code: 'custom', path: ['guidelines', i, 'code'], message: 'Two guidelines have this code' });
      guidelineCodes.add(g.code);
      if (g.goalCode && !goalCodes.has(g.goalCode)) {
        zctx.addIssue({ code: 'custom', path: ['guidelines', i, 'goalCode'], message: 'No goal has this code' });
      }
    });
  });

const indicatorFields = {
  code: z.string().trim().regex(/^[A-Z][A-Z0-9_-]*$/, 'Use capital letters, digits, - and _ (e.g. TEL-SAMEDAY)'),
  name: text('a name', 200),
  definition: text('a definition', 5000),
  unit: z.enum(IndicatorUnit),
  direction: z.enum(Direction),
  serviceArea: z.enum(ServiceArea),
  source: z
    .string()
    .trim()
    .max(500)
    .transform((v) => (v === '' ? null : v))
    .nullish(),
  goalId: id.nullish(),
};

const INDICATOR_CONSTRAINTS: Record<string, [string, string]> = {
  indicator_code_key: ['input.code', 'Another indicator has this code'],
  indicator_goal_id_fkey: ['input.goalId', 'No such goal'],
};

/** Writes goals and guidelines of a draft: keeps ids that are given, adds new, removes the rest. */
async function replaceContent(em: EntityManager, programId: string, draft: z.infer<typeof draftSchema>): Promise<void> {
  // Positions are unique per program: move the old rows out of the way first.
  await em.query('UPDATE goal SET position = position + 100000 WHERE program_id = $1', [programId]);
  await em.query('UPDATE guideline SET position = position + 100000, goal_id = NULL WHERE program_id = $1', [programId]);
  const goalIds = new Map<string, string>();
  const keepGoals: string[] = [];
  for (const [i, g] of draft.goals.entries()) {
    let goalId = g.id ?? null;
    if (goalId) {
      const res: [unknown[], number] = await em.query(
        `UPDATE goal SET code = $3, title = $4, description = $5, category = $6, position = $7
         WHERE id = $1 AND program_id = $2 RETURNING id`,
        [goalId, programId, `~${i}`, g.title, g.description ?? '', g.category, i],
      );
      if (res[1] !== 1) throw badField(`input.goals.${i}.id`, 'This goal is not part of the program');
    } else {
      const [row] = await em.query(
        `INSERT INTO goal (program_id, code, title, description, category, position) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [programId, `~${i}`, g.title, g.description ?? '', g.category, i],
      );
      goalId = row.id as string;
    }
    goalIds.set(g.code, goalId);
    keepGoals.push(goalId);
  }
  const keepGuidelines: string[] = [];
  for (const [i, r] of draft.guidelines.entries()) {
    const goalId = r.goalCode ? goalIds.get(r.goalCode)! : null;
    if (r.id) {
      const res: [unknown[], number] = await em.query(
        `UPDATE guideline SET code = $3, text = $4, obligation = $5, goal_id = $6, position = $7
         WHERE id = $1 AND program_id = $2 RETURNING id`,
        [r.id, programId, `~${i}`, r.text, r.obligation, goalId, i],
      );
      if (res[1] !== 1) throw badField(`input.guidelines.${i}.id`, 'This guideline is not part of the program');
      keepGuidelines.push(r.id);
    } else {
      const [row] = await em.query(
        `INSERT INTO guideline (program_id, goal_id, code, text, obligation, position) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [programId, goalId, `~${i}`, r.text, r.obligation, i],
      );
      keepGuidelines.push(row.id);
    }
  }
  await em.query('DELETE FROM guideline WHERE program_id = $1 AND NOT (id = ANY($2))', [programId, keepGuidelines]);
  const referenced: { code: string }[] = await em.query(
    `SELECT i.code FROM indicator i JOIN goal g ON g.id = i.goal_id WHERE g.program_id = $1 AND NOT (g.id = ANY($2))`,
    [programId, keepGoals],
  );
  if (referenced.length) {
    throw badField('input.goals', `Indicators measure a goal you removed: ${referenced.map((r) => r.code).join(', ')}`);
  }
  await em.query('DELETE FROM goal WHERE program_id = $1 AND NOT (id = ANY($2))', [programId, keepGoals]);
  // Now that no codes clash, set the real ones.
  for (const [i, g] of draft.goals.entries()) {
    await em.query('UPDATE goal SET code = $2 WHERE id = $1', [goalIds.get(g.code), g.code]);
    void i;
  }
  for (const [i, r] of draft.guidelines.entries()) {
    await em.query('UPDATE guideline SET code = $3 WHERE program_id = $1 AND position = $2', [programId, i, r.code]);
  }
}

async function programContent(em: EntityManager, programId: string) {
  const goals = await em.query('SELECT code, title, description, category FROM goal WHERE program_id = $1 ORDER BY position', [programId]);
  const guidelines = await em.query(
    `SELECT r.code, r.text, r.obligation, g.code AS "goalCode" FROM guideline r LEFT JOIN goal g ON g.id = r.goal_id
     WHERE r.program_id = $1 ORDER BY r.position`,
    [programId],
  );
  return { goals, guidelines };
}

/**
 * Administration of the program and indicators (ADMIN only). An adopted program is never
 * edited in place: a new version is drafted, adopted, and supersedes it.
 */
export const programAdmin = {
  async createProgram(ctx: Context, input: ProgramDraftInput): Promise<Program> {
    await access.requireWriter(ctx, ['ADMIN']);
    const draft = parseInput(draftSchema, input);
    const programId = await ctx.em.transaction(async (em) => {
      const [row] = await em.query(
        `INSERT INTO program (title, term_start, term_end, decision_reference, status, program_version)
         VALUES ($1, $2, $3, $4, 'DRAFT', 1 + coalesce((SELECT max(program_version) FROM program WHERE decision_reference = $4), 0))
         RETURNING id`,
        [draft.title, draft.termStart, draft.termEnd, draft.decisionReference],
      );
      await replaceContent(em, row.id, draft);
      await recordAudit(em, ctx, { action: 'PROGRAM_CREATED', entityType: 'Program', entityId: row.id, after: draft });
      return row.id as string;
    });
    return (await ctx.em.getRepository(Program).findOneBy({ id: programId }))!;
  },

  async saveProgramDraft(ctx: Context, programId: string, expectedVersion: number, input: ProgramDraftInput): Promise<Program> {
    await access.requireWriter(ctx, ['ADMIN']);
    if (!isId(programId)) throw notFound('Program');
    const draft = parseInput(draftSchema, input);
    await ctx.em.transaction(async (em) => {
      const before = await lockForUpdate<{ version: number; status: string; title: string; term_start: number; term_end: number; decision_reference: string }>(
        em,
        'program',
        programId,
        expectedVersion,
        'Program',
      );
      if (before.status !== ProgramStatus.DRAFT) {
        throw badUserInput([{ path: 'id', message: 'An adopted program is not edited in place: draft a new version' }]);
      }
      const beforeContent = await programContent(em, programId);
      await replaceContent(em, programId, draft);
      // Only what changed goes into the audit trail; a save that changes nothing is no change.
      const changes = diff(
        {
          title: before.title,
          termStart: before.term_start,
          termEnd: before.term_end,
          decisionReference: before.decision_reference,
          ...beforeContent,
        },
        {
          title: draft.title,
          termStart: draft.termStart,
          termEnd: draft.termEnd,
          decisionReference: draft.decisionReference,
          ...(await programContent(em, programId)),
        },
      );
      if (!changes) return;
      await updateVersioned(em, 'program', programId, expectedVersion, {
        title: draft.title,
        term_start: draft.termStart,
        term_end: draft.termEnd,
        decision_reference: draft.decisionReference,
      });
      await recordAudit(em, ctx, { action: 'PROGRAM_UPDATED', entityType: 'Program', entityId: programId, ...changes });
    }).catch((e) => mapConstraintError(e, { program_decision_reference_program_version_key: ['input.decisionReference', 'A program version with this decision reference exists'] }));
    return (await ctx.em.getRepository(Program).findOneBy({ id: programId }))!;
  },

  async adoptProgram(ctx: Context, programId: string, expectedVersion: number, input: AdoptProgramInput): Promise<Program> {
    await access.requireWriter(ctx, ['ADMIN']);
    if (!isId(programId)) throw notFound('Program');
    const decision = parseInput(
      z.object({ decidedBy: text('who decided', 200), decidedAt: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter a date as YYYY-MM-DD') }),
      input,
    );
    await ctx.em.transaction(async (em) => {
      const before = await lockForUpdate<{ version: number; status: string; term_start: number; term_end: number }>(
        em,
        'program',
        programId,
        expectedVersion,
        'Program',
      );
      if (before.status !== ProgramStatus.DRAFT) throw badUserInput([{ path: 'id', message: 'Only a draft is adopted' }]);
      const superseded: { id: string }[] = await em.query(
        `UPDATE program SET status = 'SUPERSEDED', version = version + 1, updated_at = now()
         WHERE status = 'ADOPTED' AND term_start = $1 AND term_end = $2 RETURNING id`,
        [before.term_start, before.term_end],
      ).then((r: [unknown[], number]) => r[0] as { id: string }[]);
      for (const s of superseded) {
        await recordAudit(em, ctx, {
          action: 'PROGRAM_SUPERSEDED',
          entityType: 'Program',
          entityId: s.id,
          before: { status: 'ADOPTED' },
          after: { status: 'SUPERSEDED', supersededBy: programId },
        });
      }
      await updateVersioned(em, 'program', programId, expectedVersion, {
        status: ProgramStatus.ADOPTED,
        decided_by: decision.decidedBy,
        decided_at: decision.decidedAt,
      });
      await recordAudit(em, ctx, {
        action: 'PROGRAM_ADOPTED',
        entityType: 'Program',
        entityId: programId,
        before: { status: 'DRAFT' },
        after: { status: 'ADOPTED', ...decision },
      });
    });
    return (await ctx.em.getRepository(Program).findOneBy({ id: programId }))!;
  },

  /** Starts a new draft version from an adopted (or superseded) program's text. */
  async createProgramVersion(ctx: Context, programId: string): Promise<Program> {
    await access.requireWriter(ctx, ['ADMIN']);
    const source = isId(programId) ? await ctx.em.getRepository(Program).findOneBy({ id: programId }) : null;
    if (!source) throw notFound('Program');
    const newId = await ctx.em.transaction(async (em) => {
      const open = await em.query(`SELECT id FROM program WHERE supersedes_id = $1 AND status = 'DRAFT'`, [programId]);
      if (open.length) throw conflict(source.version, 'A draft version of this program already exists');
      const [row] = await em.query(
        `INSERT INTO program (title, term_start, term_end, decision_reference, status, program_version, supersedes_id)
         VALUES ($1, $2, $3, $4, 'DRAFT', 1 + (SELECT max(program_version) FROM program WHERE decision_reference = $4), $5) RETURNING id`,
        [source.title, source.termStart, source.termEnd, source.decisionReference, programId],
      );
      const content = await programContent(em, programId);
      await replaceContent(em, row.id, {
        title: source.title,
        termStart: source.termStart,
        termEnd: source.termEnd,
        decisionReference: source.decisionReference,
        goals: content.goals.map((g: { code: string; title: string; description: string; category: GoalCategory }) => ({ ...g, id: null })),
        guidelines: content.guidelines.map((r: { code: string; text: string; obligation: Obligation; goalCode: string | null }) => ({
          ...r,
          id: null,
        })),
      });
      await recordAudit(em, ctx, {
        action: 'PROGRAM_VERSION_CREATED',
        entityType: 'Program',
        entityId: row.id,
        after: { from: programId, ...content },
      });
      return row.id as string;
    });
    return (await ctx.em.getRepository(Program).findOneBy({ id: newId }))!;
  },

  async createIndicator(ctx: Context, input: IndicatorInput): Promise<Indicator> {
    await access.requireWriter(ctx, ['ADMIN']);
    const data = parseInput(z.object(indicatorFields), input);
    const newId = await ctx.em
      .transaction((em) => insertAudited(em, ctx, 'indicator', 'Indicator', data))
      .catch((e) => mapConstraintError(e, INDICATOR_CONSTRAINTS));
    return (await ctx.em.getRepository(Indicator).findOneBy({ id: newId }))!;
  },

  async updateIndicator(ctx: Context, indicatorId: string, expectedVersion: number, input: IndicatorInput): Promise<Indicator> {
    await access.requireWriter(ctx, ['ADMIN']);
    if (!isId(indicatorId)) throw notFound('Indicator');
    const patch = parseInput(z.object(indicatorFields).partial(), input);
    await ctx.em
      .transaction(async (em) =>
        updateAudited(em, ctx, {
          table: 'indicator',
          entityType: 'Indicator',
          id: indicatorId,
          expectedVersion,
          keys: ['code', 'name', 'definition', 'unit', 'direction', 'serviceArea', 'source', 'goalId'],
          patch,
          check: async (merged, before) => {
            if (merged.direction === before.direction) return;
            const targets: { year: number; value: number; amber_threshold: number }[] = await em.query(
              'SELECT year, value, amber_threshold FROM target WHERE indicator_id = $1',
              [indicatorId],
            );
            const bad = targets.find((t) => !isAmberThresholdConsistent({ value: t.value, amberThreshold: t.amber_threshold }, merged.direction as Direction));
            if (bad) throw badField('input.direction', `The target for ${bad.year} does not fit this direction: change the targets first`);
          },
        }),
      )
      .catch((e) => mapConstraintError(e, INDICATOR_CONSTRAINTS));
    return (await ctx.em.getRepository(Indicator).findOneBy({ id: indicatorId }))!;
  },

  /** Sets (or changes) the target of one year. */
  async setIndicatorTarget(ctx: Context, indicatorId: string, input: TargetInput): Promise<Target> {
    await access.requireWriter(ctx, ['ADMIN']);
    const indicator = isId(indicatorId) ? await ctx.em.getRepository(Indicator).findOneBy({ id: indicatorId }) : null;
    if (!indicator) throw notFound('Indicator');
    const t = parseInput(
      z.object({ year, value: z.number().finite(), amberThreshold: z.number().finite() }),
      input,
    );
    if (!isAmberThresholdConsistent(t, indicator.direction)) {
      throw badField(
        'input.amberThreshold',
        indicator.direction === Direction.HIGHER_IS_BETTER
          ? 'Higher is better: the amber threshold must not be above the target'
          : 'Lower is better: the amber threshold must not be below the target',
      );
    }
    const targetId = await ctx.em.transaction(async (em) => {
      const [before] = await em.query('SELECT id, value, amber_threshold FROM target WHERE indicator_id = $1 AND year = $2 FOR UPDATE', [
        indicatorId,
        t.year,
      ]);
      // The year names the target; before and after hold it and the values that changed.
      const changes = before
        ? diff({ value: before.value, amberThreshold: before.amber_threshold }, { value: t.value, amberThreshold: t.amberThreshold })
        : { before: null, after: { value: t.value, amberThreshold: t.amberThreshold } };
      if (!changes) return before.id as string;
      const [row] = await em.query(
        `INSERT INTO target (indicator_id, year, value, amber_threshold) VALUES ($1, $2, $3, $4)
         ON CONFLICT (indicator_id, year) DO UPDATE SET value = EXCLUDED.value, amber_threshold = EXCLUDED.amber_threshold
         RETURNING id`,
        [indicatorId, t.year, t.value, t.amberThreshold],
      );
      await em.query('UPDATE indicator SET version = version + 1, updated_at = now() WHERE id = $1', [indicatorId]);
      await recordAudit(em, ctx, {
        action: before ? 'TARGET_UPDATED' : 'TARGET_CREATED',
        entityType: 'Indicator',
        entityId: indicatorId,
        before: changes.before && { year: t.year, ...changes.before },
        after: { year: t.year, ...changes.after },
      });
      return row.id as string;
    });
    return (await ctx.em.getRepository(Target).findOneBy({ id: targetId }))!;
  },
};
