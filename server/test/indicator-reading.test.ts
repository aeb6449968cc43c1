import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoRegion } from '../src/db/seed/demo.js';
import { indicatorValue } from '../src/modules/reporting/resolver.js';
import { createTestApp, type TestApp } from './support/app.js';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
  await loadDemoRegion(app.ds);
});
afterAll(() => app?.close());

describe('indicator readings', () => {
  it('scale a ratio by the indicator unit', () => {
    expect(indicatorValue({ numerator: 43, denominator: 50 }, 'PERCENT')).toBe(86);
    expect(indicatorValue({ numerator: 1200, denominator: 5000 }, 'RATE_PER_1000')).toBe(240);
    expect(indicatorValue(12.5, 'DAYS')).toBe(12.5);
    expect(indicatorValue({ numerator: 1, denominator: 0 }, 'PERCENT')).toBeNull();
  });

  it('show a reviewer each indicator answer against the target of the period year, with its colour', async () => {
    const reviewer = await app.login('reviewer@insyn.example');
    const [report] = await app.ds.query(`SELECT r.id FROM report r JOIN agreement a ON a.id = r.agreement_id
       JOIN follow_up_round f ON f.id = r.round_id AND f.name = 'Uppföljning Hälsoval 2025' WHERE a.reference = 'LOV-HV-2017-011'`);
    const res = await reviewer.gql(
      `query($id: ID!) { report(id: $id) { answers { value question { code } reading { indicator { code direction } value target amberThreshold colour } } } }`,
      { id: report.id },
    );
    expect(res.errors).toBeUndefined();
    const readings = res.data!.report.answers.filter((a: any) => a.reading);
    expect(readings.length).toBeGreaterThanOrEqual(6);
    const tel = readings.find((a: any) => a.reading.indicator.code === 'TEL-SAMEDAY');
    const expected = Math.round((tel.value.numerator / tel.value.denominator) * 1000) / 10;
    expect(tel.reading).toMatchObject({ value: expected, target: 100, amberThreshold: 90 });
    expect(tel.reading.colour).toBe(expected >= 100 ? 'GREEN' : expected >= 90 ? 'AMBER' : 'RED');
    const antibiotics = readings.find((a: any) => a.reading.indicator.code === 'ANTIBIOTICS-1000');
    expect(antibiotics.reading.target).toBe(250);
    expect(antibiotics.reading.colour).toBe(antibiotics.reading.value <= 250 ? 'GREEN' : antibiotics.reading.value <= 290 ? 'AMBER' : 'RED');
    const plain = res.data!.report.answers.find((a: any) => a.question.code === '1.5');
    expect(plain.reading).toBeNull();
  });
});
