import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoRegion } from '../src/db/seed/demo.js';
import { createTestApp, type TestApp } from './support/app.js';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
  await loadDemoRegion(app.ds);
});
afterAll(() => app?.close());

describe('program', () => {
  it('has the adopted program 2024–2026 with its goals and guidelines in order', async () => {
    const res = await app.gql(`{ programs { id title termStart termEnd decisionReference decidedBy decidedAt status
      goals { code title category indicators { code } guidelines { code } }
      guidelines { code text obligation goal { code } } } }`);
    expect(res.errors).toBeUndefined();
    const [program] = res.data!.programs;
    expect(program).toMatchObject({ termStart: 2024, termEnd: 2026, decisionReference: 'RS/620/2021', status: 'ADOPTED' });
    expect(program.goals.length).toBeGreaterThanOrEqual(6);
    expect(program.guidelines.length).toBeGreaterThanOrEqual(8);
    expect(program.goals.map((g: any) => g.code).slice(0, 3)).toEqual(['M1', 'M2', 'M3']);
    expect(program.guidelines.map((g: any) => g.obligation)).toContain('SHOULD');
    const accessibility = program.goals.find((g: any) => g.code === 'M1');
    expect(accessibility.indicators.map((i: any) => i.code)).toContain('TEL-SAMEDAY');
    expect(accessibility.guidelines.map((g: any) => g.code)).toEqual(['R1', 'R2']);

    const one = await app.gql(`query($id: ID!) { program(id: $id) { title } }`, { id: program.id });
    expect(one.data!.program.title).toBe(program.title);
  });

  it('records the equal-conditions rules RS/383/2021', async () => {
    const res = await app.gql(`{ governingDocuments { kind decisionReference title } }`);
    expect(res.data!.governingDocuments).toContainEqual(
      expect.objectContaining({ kind: 'EQUAL_CONDITIONS', decisionReference: 'RS/383/2021' }),
    );
  });
});

describe('indicators', () => {
  it('have units, directions and yearly targets', async () => {
    const res = await app.gql(`{ indicators { code unit direction goal { code }
      t2025: target(year: 2025) { year value amberThreshold } t1999: target(year: 1999) { value } targets { year } } }`);
    expect(res.errors).toBeUndefined();
    const list = res.data!.indicators;
    expect(list.length).toBeGreaterThanOrEqual(8);
    const antibiotics = list.find((i: any) => i.code === 'ANTIBIOTICS-1000');
    expect(antibiotics).toMatchObject({
      unit: 'RATE_PER_1000',
      direction: 'LOWER_IS_BETTER',
      goal: { code: 'M2' },
      t2025: { year: 2025, value: 250, amberThreshold: 290 },
      t1999: null,
    });
    expect(antibiotics.targets.map((t: any) => t.year)).toEqual([2023, 2024, 2025, 2026]);
    for (const code of ['TEL-SAMEDAY', 'MED-ASSESS-3D', 'FIXED-GP', 'NPE-OVERALL', 'CARIES-FREE-6']) {
      expect(list.map((i: any) => i.code)).toContain(code);
    }
  });

  it('finds one indicator by code, NOT_FOUND otherwise', async () => {
    const ok = await app.gql(`{ indicator(code: "FIXED-GP") { name } }`);
    expect(ok.data!.indicator.name).toBe('Fast läkarkontakt');
    const missing = await app.gql(`{ indicator(code: "NOPE") { name } }`);
    expect(missing.errors![0].extensions.code).toBe('NOT_FOUND');
  });
});
