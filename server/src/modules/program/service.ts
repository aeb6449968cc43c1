import type { Context } from '../../app/context.js';
import { notFound } from '../../common/errors.js';
import { isId } from '../../common/ids.js';
import { GoverningDocument, Indicator, Program } from './entities.js';

export const programService = {
  /** Programs, newest term first. */
  programs(ctx: Context): Promise<Program[]> {
    return ctx.em.getRepository(Program).find({ order: { termStart: 'DESC', programVersion: 'DESC' } });
  },

  async program(ctx: Context, id: string): Promise<Program> {
    const program = isId(id) ? await ctx.em.getRepository(Program).findOneBy({ id }) : null;
    if (!program) throw notFound('Program');
    return program;
  },

  governingDocuments(ctx: Context): Promise<GoverningDocument[]> {
    return ctx.em.getRepository(GoverningDocument).find({ order: { decidedAt: 'DESC', title: 'ASC' } });
  },

  indicators(ctx: Context): Promise<Indicator[]> {
    return ctx.em.getRepository(Indicator).find({ order: { code: 'ASC' } });
  },

  async indicator(ctx: Context, code: string): Promise<Indicator> {
    const indicator = await ctx.em.getRepository(Indicator).findOneBy({ code });
    if (!indicator) throw notFound('Indicator');
    return indicator;
  },
};
