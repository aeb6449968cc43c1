import { z } from 'zod';
import type { Context } from '../../app/context.js';
import { access } from '../../common/access.js';
import { recordAudit } from '../../common/audit.js';
import { mapConstraintError } from '../../common/db-errors.js';
import { badField, notFound } from '../../common/errors.js';
import { isId } from '../../common/ids.js';
import { parseInput } from '../../common/zod-input.js';
import { FollowUpRound } from './entities.js';
import { formatDate, notify, providerUsers } from '../notifications/notify.js';
import { RoundStatus } from './enums.js';
import type { CreateFollowUpRoundInput } from './round-inputs.js';

const PERIOD = /^[0-9]{4}(-(T[1-3]|H[1-2]|Q[1-4]|M(0[1-9]|1[0-2])))?$/;

export const roundService = {
  async create(ctx: Context, input: CreateFollowUpRoundInput): Promise<FollowUpRound> {
    await access.requireWriter(ctx, ['ADMIN', 'REVIEWER']);
    const data = parseInput(
      z
        .object({
          name: z.string().trim().min(1, 'Enter a name').max(200),
          period: z.string().trim().regex(PERIOD, 'Write the period as 2025, 2025-T2, 2025-H1, 2025-Q3 or 2025-M04'),
          templateId: z.string().refine(isId, 'Choose a template'),
          choiceSystemId: z.string().refine(isId, 'Not a valid id').nullish(),
          agreementForms: z.array(z.enum(['LOV', 'LOU', 'IN_HOUSE'], { message: 'LOF agreements are never followed up under the program' })).min(1, 'Choose at least one agreement form').nullish(),
          opensAt: z.date(),
          dueAt: z.date(),
        })
        .refine((r) => r.dueAt > r.opensAt, { path: ['dueAt'], message: 'The due date must be after the opening date' }),
      input,
    );
    const [template] = await ctx.em.query('SELECT status FROM report_template WHERE id = $1', [data.templateId]);
    if (!template) throw badField('input.templateId', 'No such template');
    if (template.status !== 'PUBLISHED') throw badField('input.templateId', 'Choose a published template version');
    const newId = await ctx.em
      .transaction(async (em) => {
        const [row] = await em.query(
          `INSERT INTO follow_up_round (name, period, template_id, choice_system_id, agreement_forms, opens_at, due_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
          [data.name, data.period, data.templateId, data.choiceSystemId ?? null, [...new Set(data.agreementForms ?? ['LOV', 'LOU', 'IN_HOUSE'])], data.opensAt, data.dueAt],
        );
        await recordAudit(em, ctx, { action: 'ROUND_CREATED', entityType: 'FollowUpRound', entityId: row.id, after: data });
        return row.id as string;
      })
      .catch((e) => mapConstraintError(e, { follow_up_round_choice_system_id_fkey: ['input.choiceSystemId', 'No such choice system'] }));
    return (await ctx.em.getRepository(FollowUpRound).findOneBy({ id: newId }))!;
  },

  /**
   * Opens a round: one report per agreement in scope, in-house and private alike, with the same
   * template and due date. Opening again creates nothing new.
   */
  async open(ctx: Context, roundId: string): Promise<FollowUpRound> {
    await access.requireWriter(ctx, ['ADMIN', 'REVIEWER']);
    if (!isId(roundId)) throw notFound('Follow-up round');
    await ctx.em.transaction(async (em) => {
      const [round] = await em.query('SELECT * FROM follow_up_round WHERE id = $1 FOR UPDATE', [roundId]);
      if (!round) throw notFound('Follow-up round');
      if (round.status === RoundStatus.CLOSED) throw badField('id', 'The round is closed');
      const created: { id: string; reference: string; provider_id: string; due_at: Date }[] = await em.query(
        `INSERT INTO report (reference, round_id, agreement_id, provider_id, template_id, due_at)
         SELECT 'RAP-' || $2::text || '-' || lpad(nextval('report_reference_seq')::text, 5, '0'), $1, a.id, a.provider_id, $3, $4::timestamptz
         FROM agreement a
         WHERE a.in_program_scope AND a.form <> 'LOF' AND a.form = ANY($5)
           AND ($6::uuid IS NULL OR a.choice_system_id = $6)
           AND a.valid_from <= ($4::timestamptz)::date AND (a.valid_to IS NULL OR a.valid_to >= ($7::timestamptz)::date)
         ORDER BY a.reference
         ON CONFLICT (round_id, agreement_id) DO NOTHING
         RETURNING id, reference, provider_id, due_at`,
        [roundId, round.period.slice(0, 4), round.template_id, round.due_at, round.agreement_forms, round.choice_system_id, round.opens_at],
      );
      for (const report of created) {
        await notify(em, {
          kind: 'ROUND_OPENED',
          userIds: await providerUsers(em, report.provider_id),
          reportId: report.id,
          params: { round: round.name, report: report.reference, due: formatDate(report.due_at) },
        });
      }
      if (round.status === RoundStatus.PLANNED) {
        await em.query(`UPDATE follow_up_round SET status = 'OPEN', opened_at = now(), version = version + 1, updated_at = now() WHERE id = $1`, [roundId]);
      }
      if (created.length || round.status === RoundStatus.PLANNED) {
        await recordAudit(em, ctx, {
          action: 'ROUND_OPENED',
          entityType: 'FollowUpRound',
          entityId: roundId,
          before: { status: round.status },
          after: { status: RoundStatus.OPEN, reportsCreated: created.length },
        });
      }
    });
    return (await ctx.em.getRepository(FollowUpRound).findOneBy({ id: roundId }))!;
  },
};
