import { GraphQLError } from 'graphql';
import { ErrorCode } from '@insyn/shared';
import type { Context } from '../../app/context.js';
import { access } from '../../common/access.js';
import type { Viewer } from '../../common/auth.js';
import { badField } from '../../common/errors.js';
import { isId } from '../../common/ids.js';
import { decodeCursor, pageSize, toConnection } from '../../common/pagination.js';
import { checkFilter, FACT_ORDER, factsSource, type FactFilterInput, type FactRow } from './facts.js';
import { type AggregateRow, type Fact, FactDimension, type FactConnection } from './types.js';

/** The region's reading roles: in a session they see facts without suppression. */
const REGION: readonly ('ADMIN' | 'REVIEWER' | 'AUDITOR')[] = ['ADMIN', 'REVIEWER', 'AUDITOR'];

/**
 * Who may read facts: ANALYST (API token or session) and the region's ADMIN, REVIEWER and AUDITOR
 * in a session. Only the latter are privileged (no suppression, confidential answers included).
 */
export async function biAccess(ctx: Context): Promise<{ viewer: Viewer; privileged: boolean }> {
  const viewer = await access.require(ctx, ['ANALYST', ...REGION]);
  const privileged = viewer.kind === 'USER' && REGION.some((r) => access.has(viewer, r));
  if (!privileged && !access.has(viewer, 'ANALYST')) {
    throw new GraphQLError('Facts are read with an ANALYST token or as the region in a session', { extensions: { code: ErrorCode.FORBIDDEN } });
  }
  return { viewer, privileged };
}

function toFact(r: FactRow): Fact {
  return {
    ...r,
    value: r.value === null ? null : Number(r.value),
    numerator: r.numerator === null ? null : Number(r.numerator),
    denominator: r.denominator === null ? null : Number(r.denominator),
    target: r.target === null ? null : Number(r.target),
  } as Fact;
}

const DIMENSION_SQL: Record<FactDimension, { value: string; label: string }> = {
  [FactDimension.INDICATOR]: { value: 'f."indicatorCode"', label: 'f."indicatorName"' },
  [FactDimension.PERIOD]: { value: 'f.period', label: 'NULL::text' },
  [FactDimension.MUNICIPALITY]: { value: 'f."municipalityCode"', label: 'f."municipalityName"' },
  [FactDimension.OWNERSHIP]: { value: 'f.ownership', label: 'NULL::text' },
  [FactDimension.PROVIDER]: { value: 'f."providerId"::text', label: 'f."providerName"' },
  [FactDimension.UNIT]: { value: 'f."unitId"::text', label: 'f."unitName"' },
};

export const biService = {
  async indicatorFacts(ctx: Context, input: FactFilterInput | null, first: number | null, after: string | null): Promise<FactConnection> {
    const { privileged } = await biAccess(ctx);
    const filter = checkFilter(input);
    const size = pageSize(first);
    const cursor = decodeCursor(after, 2);
    if (cursor && !cursor.every((v) => typeof v === 'string' && isId(v))) throw badField('after', 'after is not a cursor from this list');
    const source = factsSource(filter, { privileged });
    const params = [...source.params];
    let keyset = '';
    if (cursor) {
      params.push(cursor[0], cursor[1]);
      keyset = `AND (${FACT_ORDER}) > ($${params.length - 1}::uuid, $${params.length}::uuid)`;
    }
    const [count, rows] = await Promise.all([
      ctx.em.query(`SELECT count(*)::int AS n FROM ${source.text}`, source.params) as Promise<{ n: number }[]>,
      ctx.em.query(`SELECT f.* FROM ${source.text} ${keyset} ORDER BY ${FACT_ORDER} LIMIT ${size + 1}`, params) as Promise<FactRow[]>,
    ]);
    return toConnection(rows.map(toFact), size, count[0].n, (f) => [f.reportId, f.questionId]);
  },

  async indicatorAggregates(ctx: Context, input: FactFilterInput | null, groupBy: FactDimension[]): Promise<AggregateRow[]> {
    const { privileged } = await biAccess(ctx);
    const filter = checkFilter(input);
    const dims = [...new Set(groupBy)];
    const source = factsSource(filter, { privileged });
    const select = dims.flatMap((d, i) => [`${DIMENSION_SQL[d].value} AS v${i}`, `${DIMENSION_SQL[d].label} AS l${i}`]);
    const group = dims.flatMap((d) => [DIMENSION_SQL[d].value, DIMENSION_SQL[d].label]);
    const rows: Record<string, unknown>[] = await ctx.em.query(
      `SELECT ${[...select, ''].join(', ')}
              count(f.value)::int AS count, avg(f.value) AS mean, min(f.value) AS min, max(f.value) AS max,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY f.value) AS median, sum(f.value) AS sum
       FROM ${source.text}
       ${group.length ? `GROUP BY ${group.join(', ')} ORDER BY ${dims.map((_, i) => `v${i} NULLS LAST`).join(', ')}` : ''}`,
      source.params,
    );
    const n = (v: unknown) => (v === null || v === undefined ? null : Number(v));
    return rows.map((r) => ({
      key: dims.map((dimension, i) => ({ dimension, value: (r[`v${i}`] as string | null) ?? null, label: (r[`l${i}`] as string | null) ?? null })),
      count: Number(r.count),
      mean: n(r.mean),
      min: n(r.min),
      max: n(r.max),
      median: n(r.median),
      sum: n(r.sum),
    }));
  },
};
