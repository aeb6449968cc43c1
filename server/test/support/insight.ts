import type { DataSource } from 'typeorm';
import { newTrackingCode, normaliseTrackingCode, trackingHash } from '../../src/modules/insight-requests/service.js';

export type InsightState = 'RECEIVED' | 'REGISTERED' | 'FORWARDED' | 'ANSWERED' | 'DECIDED';

/**
 * An insight request about a provider in the given state, made in SQL (forwarded to the provider
 * from FORWARDED on). Returns its id and its tracking code.
 */
export async function insightRequestIn(
  ds: DataSource,
  state: InsightState,
  options: { providerId: string; reviewerId: string },
): Promise<{ id: string; trackingCode: string }> {
  const trackingCode = newTrackingCode();
  const [{ id }] = await ds.query(
    `INSERT INTO insight_request (reference, tracking_hash, subject, description, provider_id)
     VALUES ('INS-2026-' || lpad(nextval('insight_request_reference_seq')::text, 4, '0'), $1, 'Matrisfråga', 'Vad kostar det?', $2) RETURNING id`,
    [trackingHash(normaliseTrackingCode(trackingCode)!), options.providerId],
  );
  const steps: InsightState[] = ['REGISTERED', 'FORWARDED', 'ANSWERED', 'DECIDED'];
  const sql: Record<Exclude<InsightState, 'RECEIVED'>, string> = {
    REGISTERED: `status = 'REGISTERED', registered_at = now(), registered_by = $2`,
    FORWARDED: `status = 'FORWARDED', forwarded_at = now(), forwarded_by = $2, due_at = now() + interval '14 days'`,
    ANSWERED: `status = 'ANSWERED', answer = 'Svar', answered_at = now(), answered_by = $2`,
    DECIDED: `status = 'DECIDED', decision = 'DISCLOSED', decision_text = 'Lämnas ut.', decided_at = now(), decided_by = $2`,
  };
  for (const step of steps.slice(0, steps.indexOf(state as never) + 1)) {
    await ds.query(`UPDATE insight_request SET ${sql[step as keyof typeof sql]} WHERE id = $1`, [id, options.reviewerId]);
  }
  return { id, trackingCode };
}
