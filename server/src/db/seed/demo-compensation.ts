import type { EntityManager } from 'typeorm';
import { CompensationMethodKind, type CompensationMethod, type UnitEconomics } from '../../modules/compensation/entities.js';
import { computeProposal } from '../../modules/compensation/proposal.js';
import { upsertEconomics } from '../../modules/compensation/service.js';
import { ILLUSTRATIVE_NOTICE } from './demo-data.js';

const ACTION = 'DEMO_COMPENSATION_LOADED';
const YEARS = [2024, 2025, 2026];

/** A deterministic number 0…99 990 from a text. */
function hash(text: string): number {
  let h = 0;
  for (const c of text) h = (h * 31 + c.charCodeAt(0)) % 99_991;
  return h;
}

/** Money is whole kronor (SEK), in the database and in the API. */
const kr = (v: number) => Math.round(v);

/**
 * Compensation data of the demo region (illustrative), money in whole kronor: economics 2024–2026
 * for every unit (reimbursement by component; VAT compensation for units outside the region; full cost for
 * in-house units, with a deficit for the holders of the last-resort responsibility), a
 * compensation method for every obligation (the deficit method in Hälsoval, a fixed amount in
 * dental care, one method changed from 2026), and decisions for 2024 and 2025, one 2024
 * decision corrected by a later one. Loaded once, marked by its own audit event.
 */
export async function insertDemoCompensation(em: EntityManager): Promise<void> {
  const [done] = await em.query('SELECT 1 FROM audit_event WHERE action = $1 LIMIT 1', [ACTION]);
  if (done) return;
  const units: { id: string; name: string; kind: string; ownership: string }[] = await em.query(
    `SELECT u.id, u.name, u.kind, p.ownership FROM unit u JOIN provider p ON p.id = u.provider_id ORDER BY u.name, u.id`,
  );
  const obligations: { id: string; unit_id: string; municipality_code: string; municipality: string; code: string; system: string }[] = await em.query(
    `SELECT o.id, o.unit_id, o.municipality_code, m.name AS municipality, cs.code, cs.name AS system
       FROM last_resort_obligation o JOIN choice_system cs ON cs.id = o.choice_system_id JOIN municipality m ON m.code = o.municipality_code
      ORDER BY o.municipality_code, cs.code`,
  );
  if (!units.length || !obligations.length) return;
  const holders = new Set(obligations.map((o) => o.unit_id));
  const listings: { unit_id: string; year: number; listed_persons: number }[] = await em.query(
    'SELECT unit_id, year, listed_persons FROM unit_listing WHERE month IS NULL AND year = ANY($1::int[])',
    [YEARS],
  );
  const listed = new Map(listings.map((l) => [`${l.unit_id}|${l.year}`, l.listed_persons]));

  // Economics: capitation by listed persons, visit fees, goal-related reimbursement and other income.
  const economics = units.flatMap((u) =>
    YEARS.map((year) => {
      const h = hash(u.name);
      const dental = u.kind === 'DENTAL_CLINIC';
      const persons = listed.get(`${u.id}|${year}`) ?? (dental ? 1_800 : 2_500) + (h % 1_500);
      const growth = 1 + (year - 2024) * 0.03;
      const capitation = kr(persons * (dental ? 1_150 : 2_350) * growth);
      const visitFees = kr(persons * (dental ? 180 : 310) * growth);
      const goalRelated = kr(persons * (dental ? 40 : 120) * (0.8 + (h % 5) / 10));
      const other = kr(120_000 + (h % 180) * 1_000);
      const inHouse = u.ownership === 'IN_HOUSE';
      const vatCompensation = inHouse ? 0 : kr((capitation + visitFees) * 0.06);
      const reimbursement = capitation + visitFees + goalRelated + other + vatCompensation;
      // Holders keep service where it does not pay: a full cost above their reimbursement.
      const factor = holders.has(u.id) ? 1.07 + (h % 8) / 100 + (year - 2024) * 0.01 : 0.96 + (h % 6) / 100;
      const fullCost = inHouse ? kr(reimbursement * factor) : null;
      return { unitId: u.id, year, capitation, visitFees, goalRelated, vatCompensation, other, fullCost };
    }),
  );
  await upsertEconomics(em, economics, 'SEED');

  // Methods: the deficit method in Hälsoval (a fixed amount in Östersund) and in dental care where the
  // clinic is alone in a sparsely populated municipality, a fixed amount in dental care elsewhere;
  // Bräcke's Hälsoval method changed from 2026.
  const methods: CompensationMethod[] = [];
  const dentalDeficit = new Set(['2303', '2313', '2326', '2361']);
  for (const o of obligations) {
    const deficit = o.code === 'HALSOVAL' ? o.municipality_code !== '2380' : dentalDeficit.has(o.municipality_code);
    type Version = { validFromYear: number; method: CompensationMethodKind; fixedAmount: number | null; sharePercent: number | null; capAmount: number | null; decisionReference: string; note: string | null };
    const versions: Version[] = deficit
      ? [{ validFromYear: 2024, method: CompensationMethodKind.SOLE_PROVIDER_DEFICIT, fixedAmount: null, sharePercent: 100, capAmount: o.code === 'HALSOVAL' ? 4_000_000 : 2_500_000, decisionReference: 'RS/383/2021 bilaga 3', note: 'Underskottet ersätts där regionens enhet är ensam i kommunen.' }]
      : [{ validFromYear: 2024, method: CompensationMethodKind.FIXED_AMOUNT, fixedAmount: o.code === 'HALSOVAL' ? 1_200_000 : 250_000 + (hash(o.municipality) % 5) * 50_000, sharePercent: null, capAmount: null, decisionReference: 'RS/383/2021 bilaga 4', note: null }];
    if (deficit && o.municipality_code === '2305') {
      versions.push({ validFromYear: 2026, method: CompensationMethodKind.SOLE_PROVIDER_DEFICIT, fixedAmount: null, sharePercent: 90, capAmount: 3_500_000, decisionReference: 'RS/112/2025', note: 'Andelen sänkt till 90 procent från 2026.' });
    }
    for (const [i, v] of versions.entries()) {
      const [row] = await em.query(
        `INSERT INTO compensation_method (obligation_id, version, valid_from_year, method, fixed_amount, share_percent, cap_amount, decision_reference, note, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, make_timestamptz($3 - 1, 12, 10, 9, 0, 0, 'Europe/Stockholm')) RETURNING id, created_at`,
        [o.id, i + 1, v.validFromYear, v.method, v.fixedAmount, v.sharePercent, v.capAmount, v.decisionReference, v.note],
      );
      methods.push({ ...v, id: row.id, obligationId: o.id, version: i + 1, createdBy: null, createdAt: row.created_at } as CompensationMethod);
    }
  }

  // Decisions for 2024 and 2025 on what the method gave (sole provider: the only unit of the choice system in the municipality that year).
  const members: { municipality_code: string; code: string; year: number; unit_ids: string[] }[] = await em.query(
    `SELECT u.municipality_code, cs.code, y.year, array_agg(DISTINCT u.id) AS unit_ids
       FROM unnest($1::int[]) AS y(year)
       JOIN agreement a ON daterange(a.valid_from, a.valid_to, '[]') && daterange(make_date(y.year, 1, 1), make_date(y.year, 12, 31), '[]')
       JOIN choice_system cs ON cs.id = a.choice_system_id
       JOIN agreement_unit au ON au.agreement_id = a.id
       JOIN unit u ON u.id = au.unit_id
      GROUP BY u.municipality_code, cs.code, y.year`,
    [YEARS],
  );
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  let decisions = 0;
  let corrected = false;
  for (const year of [2024, 2025]) {
    for (const o of obligations) {
      const inSystem = members.find((m) => m.municipality_code === o.municipality_code && m.code === o.code && m.year === year)?.unit_ids ?? [];
      const method = methods.filter((m) => m.obligationId === o.id && m.validFromYear <= year).sort((a, b) => b.version - a.version)[0] ?? null;
      const e = economics.find((x) => x.unitId === o.unit_id && x.year === year)!;
      const soleProvider = inSystem.length === 1 && inSystem[0] === o.unit_id;
      const proposal = computeProposal({
        year,
        method,
        soleProvider,
        unitCount: inSystem.length,
        coverageDetail: `${o.municipality}, ${o.system} ${year}`,
        holderName: unitName.get(o.unit_id) ?? '',
        economics: { ...e, id: '', source: 'SEED', version: 1, updatedAt: new Date() } as UnitEconomics,
      });
      if (proposal.amount === null) continue;
      const decidedOn = `${year + 1}-03-1${year === 2024 ? 4 : 3}`;
      const reference = `RS/${year + 1}/${String(200 + decisions).padStart(3, '0')}`;
      const insert = (amount: number, basis: string, ref: string, on: string, replacesId: string | null) =>
        em.query(
          `INSERT INTO compensation_decision (obligation_id, year, unit_id, amount, basis, decision_reference, decided_on, method_id, inputs, replaces_id, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $7::date + time '10:00') RETURNING id`,
          [o.id, year, o.unit_id, amount, basis, ref, on, method?.id ?? null, JSON.stringify(proposal.inputs), replacesId],
        );
      const basis =
        method?.method === 'FIXED_AMOUNT'
          ? 'Fast ersättning för sistahandsansvaret enligt beslutad metod.'
          : soleProvider
            ? 'Underskottet för året enligt enhetens redovisade helårskostnad och ersättning.'
            : 'Enheten är inte ensam utförare i kommunen; ingen underskottsersättning.';
      if (!corrected && year === 2024 && soleProvider && (proposal.amount ?? 0) > 100_000) {
        // A preliminary decision on the budgeted cost, corrected when the full cost was known.
        const preliminary = Math.floor((proposal.amount * 0.9) / 1_000) * 1_000;
        const [first] = await insert(preliminary, 'Preliminärt underskott enligt budgeterad helårskostnad.', reference, `${year + 1}-02-14`, null);
        await insert(proposal.amount, `${basis} Ersätter det preliminära beslutet ${reference}.`, `${reference}-R`, decidedOn, first.id);
        decisions += 2;
        corrected = true;
        continue;
      }
      await insert(proposal.amount, basis, reference, decidedOn, null);
      decisions++;
    }
  }
  await em.query(
    `INSERT INTO audit_event (actor_label, action, entity_type, entity_id, after)
     VALUES ('system:demo-seed', $1, 'DemoRegion', 'jamtland-harjedalen', $2)`,
    [ACTION, JSON.stringify({ notice: ILLUSTRATIVE_NOTICE, economics: economics.length, methods: methods.length, decisions })],
  );
}
