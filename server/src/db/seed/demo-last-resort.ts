import type { EntityManager } from 'typeorm';
import { ILLUSTRATIVE_NOTICE } from './demo-data.js';

const ACTION = 'DEMO_LAST_RESORT_LOADED';

/** The in-house health centre (Hälsoval) and dental clinic (barn och unga vuxna) holding the responsibility in each municipality. */
const holders: { municipality: string; healthCentre: string; dental: string; days: number }[] = [
  { municipality: '2303', healthCentre: 'Hammarstrands hälsocentral', dental: 'Folktandvården Hammarstrand', days: 5 },
  { municipality: '2305', healthCentre: 'Bräcke hälsocentral', dental: 'Folktandvården Bräcke', days: 5 },
  { municipality: '2309', healthCentre: 'Krokoms hälsocentral', dental: 'Folktandvården Krokom', days: 5 },
  { municipality: '2313', healthCentre: 'Strömsunds hälsocentral', dental: 'Folktandvården Strömsund', days: 5 },
  { municipality: '2321', healthCentre: 'Järpens hälsocentral', dental: 'Folktandvården Järpen', days: 5 },
  { municipality: '2326', healthCentre: 'Svenstaviks hälsocentral', dental: 'Folktandvården Svenstavik', days: 5 },
  { municipality: '2361', healthCentre: 'Svegs hälsocentral', dental: 'Folktandvården Sveg', days: 5 },
  { municipality: '2380', healthCentre: 'Odenhälsan', dental: 'Folktandvården Östersund', days: 5 },
];

/** A deterministic illustrative figure from a unit's name and a year. */
function listed(name: string, kind: string, year: number): number {
  let h = 0;
  for (const c of name) h = (h * 31 + c.charCodeAt(0)) % 100_003;
  const base = kind === 'DENTAL_CLINIC' ? 1_500 + (h % 3_500) : 3_000 + (h % 9_000);
  return Math.round(base * (1 + (year - 2024) * ((h % 7) - 3) * 0.01));
}

/**
 * Last-resort register and listing data of the demo region (illustrative): one obligation per
 * municipality and choice system, and listed persons 2024–2026 for every health centre and
 * dental clinic. Loaded once, marked by its own audit event.
 */
export async function insertDemoLastResort(em: EntityManager): Promise<void> {
  const [done] = await em.query('SELECT 1 FROM audit_event WHERE action = $1 LIMIT 1', [ACTION]);
  if (done) return;
  const units: { id: string; name: string; kind: string; municipality_code: string }[] = await em.query(
    `SELECT id, name, kind, municipality_code FROM unit WHERE kind IN ('HEALTH_CENTRE', 'DENTAL_CLINIC') ORDER BY name, id`,
  );
  if (!units.length) return;
  const systems: { id: string; code: string }[] = await em.query(`SELECT id, code FROM choice_system WHERE code IN ('HALSOVAL', 'TANDVARD_BUV')`);
  const system = new Map(systems.map((s) => [s.code, s.id]));
  const unitByName = new Map(units.map((u) => [`${u.municipality_code}|${u.name}`, u.id]));
  let obligations = 0;
  for (const h of holders) {
    const rows: [string, string, string, string, string, string][] = [
      [
        'HALSOVAL',
        h.healthCentre,
        'Öppen hälsocentral med läkare och sjuksköterska för alla invånare i kommunen som inte väljer annan utförare.',
        'Minst en specialist i allmänmedicin och två distriktssköterskor på plats varje öppetdag.',
        'Mottagning för akuta och planerade besök, BVC, hembesök och läkemedelsgenomgångar.',
        `RS/383/2021 bilaga 1 (${h.municipality})`,
      ],
      [
        'TANDVARD_BUV',
        h.dental,
        'Allmäntandvård för barn och unga vuxna i kommunen som inte har valt annan vårdgivare.',
        'Minst en tandläkare och en tandhygienist.',
        'Undersökning, förebyggande vård och akut tandvård för barn och unga vuxna.',
        `RS/383/2021 bilaga 2 (${h.municipality})`,
      ],
    ];
    for (const [code, unitName, minimum, staffing, services, reference] of rows) {
      const unitId = unitByName.get(`${h.municipality}|${unitName}`);
      const choiceSystemId = system.get(code);
      if (!unitId || !choiceSystemId) continue;
      await em.query(
        `INSERT INTO last_resort_obligation (municipality_code, choice_system_id, unit_id, minimum_service, opening_days_per_week,
           staffing, services, decision_reference, valid_from)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, '2022-01-01')`,
        [h.municipality, choiceSystemId, unitId, minimum, h.days, staffing, services, reference],
      );
      obligations++;
    }
  }
  const years = [2024, 2025, 2026];
  const flat = units.flatMap((u) => years.map((year) => ({ unitId: u.id, year, listed: listed(u.name, u.kind, year) })));
  await em.query(
    `INSERT INTO unit_listing (unit_id, year, listed_persons, source)
     SELECT *, 'SEED' FROM unnest($1::uuid[], $2::int[], $3::int[]) ON CONFLICT DO NOTHING`,
    [flat.map((r) => r.unitId), flat.map((r) => r.year), flat.map((r) => r.listed)],
  );
  await em.query(
    `INSERT INTO audit_event (actor_label, action, entity_type, entity_id, after)
     VALUES ('system:demo-seed', $1, 'DemoRegion', 'jamtland-harjedalen', $2)`,
    [ACTION, JSON.stringify({ notice: ILLUSTRATIVE_NOTICE, obligations, listings: flat.length })],
  );
}
