import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoRegion } from '../src/db/seed/demo.js';
import { createTestApp, type Client, type TestApp } from './support/app.js';
import { orgNumber } from './support/actors.js';

/**
 * An administrator keeps the master data, the program and the indicators through GraphQL;
 * every change shows in the public queries, and bad input is refused at its field with
 * nothing stored.
 */
let app: TestApp;
let admin: Client;
const fieldsOf = (res: { errors?: { extensions: Record<string, unknown> }[] }) => {
  expect(res.errors).toHaveLength(1);
  expect(res.errors![0].extensions.code).toBe('BAD_USER_INPUT');
  return (res.errors![0].extensions.fields as { path: string; message: string }[]).map((f) => f.path);
};

beforeAll(async () => {
  app = await createTestApp();
  await loadDemoRegion(app.ds);
  admin = await app.login('admin@insyn.example');
});
afterAll(() => app?.close());

const CREATE_PROVIDER = 'mutation($input: ProviderInput!) { createProvider(input: $input) { id name orgNumber ownership version } }';
const UPDATE_PROVIDER = 'mutation($id: ID!, $v: Int!, $input: ProviderInput!) { updateProvider(id: $id, expectedVersion: $v, input: $input) { name contactEmail version } }';
const PUBLIC_PROVIDER = `query($id: ID!) { provider(id: $id) { name orgNumber ownership contactEmail version
  units { name kind municipality { name } }
  agreements { reference form inProgramScope outOfScopeReason choiceSystem { code } units { name } } } }`;

describe('providers', () => {
  let providerId: string;

  it('refuses an organisationsnummer with a wrong check digit at input.orgNumber, storing nothing', async () => {
    const before = await app.count('provider');
    const good = orgNumber(10);
    const wrongDigit = good.slice(0, -1) + String((Number(good.slice(-1)) + 1) % 10);
    const res = await admin.gql(CREATE_PROVIDER, { input: { name: 'Kontrollsiffran AB', orgNumber: wrongDigit, ownership: 'PRIVATE' } });
    expect(fieldsOf(res)).toEqual(['input.orgNumber']);
    expect(res.errors![0].extensions.fields).toEqual([{ path: 'input.orgNumber', message: expect.stringMatching(/check digit/i) }]);
    expect(res.data).toBeNull();
    expect(await app.count('provider')).toBe(before);
  });

  it('creates a provider, visible to the public at once', async () => {
    const res = await admin.gql(CREATE_PROVIDER, { input: { name: 'Bergs Vårdcentral AB', orgNumber: orgNumber(11).replace('-', ''), ownership: 'PRIVATE' } });
    expect(res.errors).toBeUndefined();
    expect(res.data!.createProvider).toMatchObject({ name: 'Bergs Vårdcentral AB', orgNumber: orgNumber(11), ownership: 'PRIVATE', version: 1 });
    providerId = res.data!.createProvider.id;
    const listed = await app.gql('{ providers(filter: { search: "Bergs Vård" }) { totalCount edges { node { id orgNumber } } } }');
    expect(listed.data!.providers).toEqual({ totalCount: 1, edges: [{ node: { id: providerId, orgNumber: orgNumber(11) } }] });
  });

  it('refuses a second provider with the same organisationsnummer at input.orgNumber, storing nothing', async () => {
    const before = await app.count('provider');
    const res = await admin.gql(CREATE_PROVIDER, { input: { name: 'Dubbletten AB', orgNumber: orgNumber(11), ownership: 'NON_PROFIT' } });
    expect(res.errors![0].extensions.fields).toEqual([{ path: 'input.orgNumber', message: expect.stringMatching(/already exists/) }]);
    expect(await app.count('provider')).toBe(before);
    expect((await app.gql('{ providers(filter: { search: "Dubbletten" }) { totalCount } }')).data!.providers.totalCount).toBe(0);
  });

  it('updates with the version the editor saw; a stale version is a CONFLICT with the current version', async () => {
    const saved = await admin.gql(UPDATE_PROVIDER, { id: providerId, v: 1, input: { contactEmail: 'Kontakt@Bergsvard.example' } });
    expect(saved.errors).toBeUndefined();
    expect(saved.data!.updateProvider).toEqual({ name: 'Bergs Vårdcentral AB', contactEmail: 'kontakt@bergsvard.example', version: 2 });

    const stale = await admin.gql(UPDATE_PROVIDER, { id: providerId, v: 1, input: { name: 'Bergs Hälsa AB' } });
    expect(stale.errors![0].extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
    expect(stale.data).toBeNull();

    const shown = await app.gql(PUBLIC_PROVIDER, { id: providerId });
    expect(shown.data!.provider).toMatchObject({ name: 'Bergs Vårdcentral AB', contactEmail: 'kontakt@bergsvard.example', version: 2 });
  });

  it('creates a unit in a municipality; it is listed there and under its provider', async () => {
    const res = await admin.gql('mutation($input: UnitInput!) { createUnit(input: $input) { id name municipality { code name } provider { id } } }', {
      input: { providerId, municipalityCode: '2326', name: 'Svenstavik vårdcentral', kind: 'HEALTH_CENTRE', city: 'Svenstavik' },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!.createUnit).toMatchObject({ municipality: { code: '2326', name: 'Berg' }, provider: { id: providerId } });
    const inBerg = await app.gql('{ units(filter: { municipalityCode: "2326" }, first: 500) { edges { node { name provider { name } } } } }');
    expect(inBerg.data!.units.edges).toContainEqual({ node: { name: 'Svenstavik vårdcentral', provider: { name: 'Bergs Vårdcentral AB' } } });

    const nowhere = await admin.gql('mutation($input: UnitInput!) { createUnit(input: $input) { id } }', {
      input: { providerId, municipalityCode: '9999', name: 'Ingenstans', kind: 'HEALTH_CENTRE' },
    });
    expect(fieldsOf(nowhere)).toEqual(['input.municipalityCode']);
    const shown = await app.gql(PUBLIC_PROVIDER, { id: providerId });
    expect(shown.data!.provider.units).toEqual([{ name: 'Svenstavik vårdcentral', kind: 'HEALTH_CENTRE', municipality: { name: 'Berg' } }]);
  });

  describe('agreements', () => {
    const CREATE = 'mutation($input: AgreementInput!) { createAgreement(input: $input) { id form inProgramScope outOfScopeReason units { name } } }';
    let unitId: string;
    beforeAll(async () => {
      unitId = (await app.one('SELECT id FROM unit WHERE provider_id = $1', [providerId])).id;
    });

    it('refuses a LOF agreement without a reason at input.outOfScopeReason, storing nothing', async () => {
      const before = await app.count('agreement');
      const res = await admin.gql(CREATE, { input: { providerId, form: 'LOF', reference: 'LOF-BERG-1', validFrom: '2026-01-01', unitIds: [unitId] } });
      expect(fieldsOf(res)).toEqual(['input.outOfScopeReason']);
      expect(await app.count('agreement')).toBe(before);
    });

    it('stores a LOF agreement with a reason outside the program', async () => {
      const res = await admin.gql(CREATE, {
        input: { providerId, form: 'LOF', reference: 'LOF-BERG-1', validFrom: '2026-01-01', unitIds: [unitId], outOfScopeReason: 'Fysioterapi enligt nationella taxan (LOF).' },
      });
      expect(res.errors).toBeUndefined();
      expect(res.data!.createAgreement).toMatchObject({ form: 'LOF', inProgramScope: false, units: [{ name: 'Svenstavik vårdcentral' }] });
    });

    it('refuses units of another provider at input.unitIds, storing nothing', async () => {
      const foreign = await app.one(`SELECT u.id FROM unit u JOIN provider p ON p.id = u.provider_id WHERE p.name = 'Jämtvård Hälsocentraler AB' LIMIT 1`);
      const before = [await app.count('agreement'), await app.count('agreement_unit')];
      const res = await admin.gql(CREATE, { input: { providerId, form: 'LOU', reference: 'LOU-BERG-1', validFrom: '2026-01-01', unitIds: [unitId, foreign.id] } });
      expect(fieldsOf(res)).toEqual(['input.unitIds']);
      expect([await app.count('agreement'), await app.count('agreement_unit')]).toEqual(before);
    });

    it('stores a LOV agreement in a new choice system; both are public', async () => {
      const cs = await admin.gql('mutation { createChoiceSystem(input: { code: "VARDVAL_BERG", name: "Vårdval Berg", startedOn: "2026-01-01" }) { id code version } }');
      expect(cs.errors).toBeUndefined();
      const renamed = await admin.gql('mutation($id: ID!) { updateChoiceSystem(id: $id, expectedVersion: 1, input: { name: "Vårdval Bergs kommun" }) { name version } }', {
        id: cs.data!.createChoiceSystem.id,
      });
      expect(renamed.data!.updateChoiceSystem).toEqual({ name: 'Vårdval Bergs kommun', version: 2 });
      const duplicate = await admin.gql('mutation { createChoiceSystem(input: { code: "VARDVAL_BERG", name: "Igen" }) { id } }');
      expect(duplicate.errors![0].extensions.fields).toEqual([{ path: 'input.code', message: expect.any(String) }]);
      expect((await app.gql('{ choiceSystems { code name } }')).data!.choiceSystems).toContainEqual({ code: 'VARDVAL_BERG', name: 'Vårdval Bergs kommun' });

      const noSystem = await admin.gql(CREATE, { input: { providerId, form: 'LOV', reference: 'LOV-BERG-1', validFrom: '2026-01-01', unitIds: [unitId] } });
      expect(fieldsOf(noSystem)).toEqual(['input.choiceSystemId']);
      const lov = await admin.gql(CREATE, {
        input: { providerId, form: 'LOV', reference: 'LOV-BERG-1', validFrom: '2026-01-01', unitIds: [unitId], choiceSystemId: cs.data!.createChoiceSystem.id },
      });
      expect(lov.data!.createAgreement).toMatchObject({ inProgramScope: true, outOfScopeReason: null });

      const shown = await app.gql(PUBLIC_PROVIDER, { id: providerId });
      const byRef = Object.fromEntries(shown.data!.provider.agreements.map((a: any) => [a.reference, a]));
      expect(Object.keys(byRef).sort()).toEqual(['LOF-BERG-1', 'LOV-BERG-1']);
      expect(byRef['LOF-BERG-1']).toMatchObject({ form: 'LOF', inProgramScope: false, outOfScopeReason: expect.stringMatching(/LOF/), choiceSystem: null });
      expect(byRef['LOV-BERG-1']).toMatchObject({ form: 'LOV', inProgramScope: true, choiceSystem: { code: 'VARDVAL_BERG' }, units: [{ name: 'Svenstavik vårdcentral' }] });
    });
  });
});

describe('programs', () => {
  const PROGRAMS = '{ programs { id title status termStart termEnd programVersion decidedBy goals { code title } guidelines { code obligation goal { code } } } }';
  const draft = (title: string, extraGoal = false) => ({
    title,
    termStart: 2024,
    termEnd: 2026,
    decisionReference: 'RS/100/2025',
    goals: [
      { code: 'G1', title: 'God tillgänglighet', category: 'ACCESSIBILITY' },
      ...(extraGoal ? [{ code: 'G2', title: 'Jämlik vård', category: 'EQUAL_CARE' }] : []),
    ],
    guidelines: [
      { code: 'R1', text: 'Besvara samtal samma dag.', obligation: 'SHALL', goalCode: 'G1' },
      { code: 'R2', text: 'Erbjud tolk vid behov.', obligation: 'SHOULD', goalCode: extraGoal ? 'G2' : null },
    ],
  });
  let draftId: string;
  let previousId: string;

  it('creates a draft with goals and guidelines, then saves it again', async () => {
    previousId = (await app.one(`SELECT id FROM program WHERE status = 'ADOPTED' AND term_start = 2024`)).id;
    const created = await admin.gql('mutation($input: ProgramDraftInput!) { createProgram(input: $input) { id status version goals { code } guidelines { code } } }', {
      input: draft('Program för vårdval 2024–2026, reviderat'),
    });
    expect(created.errors).toBeUndefined();
    expect(created.data!.createProgram).toMatchObject({ status: 'DRAFT', version: 1, goals: [{ code: 'G1' }], guidelines: [{ code: 'R1' }, { code: 'R2' }] });
    draftId = created.data!.createProgram.id;

    const saved = await admin.gql('mutation($id: ID!, $input: ProgramDraftInput!) { saveProgramDraft(id: $id, expectedVersion: 1, input: $input) { version } }', {
      id: draftId,
      input: draft('Program för vårdval 2024–2026, reviderat', true),
    });
    expect(saved.data!.saveProgramDraft.version).toBe(2);
    const stale = await admin.gql('mutation($id: ID!, $input: ProgramDraftInput!) { saveProgramDraft(id: $id, expectedVersion: 1, input: $input) { version } }', {
      id: draftId,
      input: draft('Något annat'),
    });
    expect(stale.errors![0].extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });

    const shown = (await app.gql(PROGRAMS)).data!.programs.find((p: any) => p.id === draftId);
    expect(shown).toMatchObject({
      status: 'DRAFT',
      title: 'Program för vårdval 2024–2026, reviderat',
      goals: [{ code: 'G1' }, { code: 'G2' }],
      guidelines: [
        { code: 'R1', obligation: 'SHALL', goal: { code: 'G1' } },
        { code: 'R2', obligation: 'SHOULD', goal: { code: 'G2' } },
      ],
    });
  });

  it('adopts the draft, superseding the adopted program of the same term', async () => {
    const res = await admin.gql('mutation($id: ID!) { adoptProgram(id: $id, expectedVersion: 2, input: { decidedBy: "Regionfullmäktige", decidedAt: "2025-06-17" }) { status decidedBy decidedAt } }', {
      id: draftId,
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!.adoptProgram).toEqual({ status: 'ADOPTED', decidedBy: 'Regionfullmäktige', decidedAt: '2025-06-17' });
    const programs = (await app.gql(PROGRAMS)).data!.programs;
    const term = programs.filter((p: any) => p.termStart === 2024 && p.termEnd === 2026);
    expect(term.filter((p: any) => p.status === 'ADOPTED').map((p: any) => p.id)).toEqual([draftId]);
    expect(term.find((p: any) => p.id === previousId).status).toBe('SUPERSEDED');
  });

  it('does not edit an adopted program in place', async () => {
    const res = await admin.gql('mutation($id: ID!, $input: ProgramDraftInput!) { saveProgramDraft(id: $id, expectedVersion: 3, input: $input) { id } }', {
      id: draftId,
      input: draft('Ändrat i efterhand'),
    });
    expect(fieldsOf(res)).toEqual(['id']);
    const shown = await app.gql('query($id: ID!) { program(id: $id) { title status version } }', { id: draftId });
    expect(shown.data!.program).toEqual({ title: 'Program för vårdval 2024–2026, reviderat', status: 'ADOPTED', version: 3 });
  });

  it('starts a new version as a draft with a copy of the goals and guidelines', async () => {
    const res = await admin.gql(
      `mutation($id: ID!) { createProgramVersion(id: $id) { id status programVersion decisionReference
        goals { id code title } guidelines { code text obligation goal { id code } } } }`,
      { id: draftId },
    );
    expect(res.errors).toBeUndefined();
    const copy = res.data!.createProgramVersion;
    const source = (await app.gql('query($id: ID!) { program(id: $id) { programVersion goals { id code title } guidelines { code text obligation goal { code } } } }', { id: draftId }))
      .data!.program;
    expect(copy).toMatchObject({ status: 'DRAFT', decisionReference: 'RS/100/2025', programVersion: source.programVersion + 1 });
    expect(copy.goals.map(({ code, title }: any) => ({ code, title }))).toEqual(source.goals.map(({ code, title }: any) => ({ code, title })));
    expect(copy.guidelines.map(({ goal, ...g }: any) => ({ ...g, goal: { code: goal.code } }))).toEqual(source.guidelines);
    // Copies, not the same rows: the new draft's guidelines point at its own goals.
    const copyGoalIds = copy.goals.map((g: any) => g.id);
    expect(copyGoalIds.some((id: string) => source.goals.some((g: any) => g.id === id))).toBe(false);
    for (const g of copy.guidelines) expect(copyGoalIds).toContain(g.goal.id);

    const second = await admin.gql('mutation($id: ID!) { createProgramVersion(id: $id) { id } }', { id: draftId });
    expect(second.errors![0].extensions.code).toBe('CONFLICT');
  });
});

describe('indicators and targets', () => {
  const INDICATOR = `{ indicator(code: "WAIT-DAYS") { name direction unit version t2026: target(year: 2026) { value amberThreshold } } }`;
  let id: string;

  it('creates an indicator, public at once', async () => {
    const goal = await app.one(`SELECT g.id FROM goal g JOIN program p ON p.id = g.program_id WHERE p.status = 'ADOPTED' ORDER BY g.position LIMIT 1`);
    const res = await admin.gql('mutation($input: IndicatorInput!) { createIndicator(input: $input) { id code goal { code } } }', {
      input: { code: 'WAIT-DAYS', name: 'Väntetid till läkarbesök', definition: 'Median antal dagar.', unit: 'DAYS', direction: 'LOWER_IS_BETTER', serviceArea: 'PRIMARY_CARE', goalId: goal.id },
    });
    expect(res.errors).toBeUndefined();
    id = res.data!.createIndicator.id;
    expect((await app.gql('{ indicators { code } }')).data!.indicators.map((i: any) => i.code)).toContain('WAIT-DAYS');

    const duplicate = await admin.gql('mutation { createIndicator(input: { code: "WAIT-DAYS", name: "X", definition: "X", unit: DAYS, direction: LOWER_IS_BETTER, serviceArea: ALL }) { id } }');
    expect(duplicate.errors![0].extensions.fields).toEqual([{ path: 'input.code', message: expect.any(String) }]);
  });

  it('updates it with its version', async () => {
    const res = await admin.gql('mutation($id: ID!) { updateIndicator(id: $id, expectedVersion: 1, input: { name: "Väntetid till läkare" }) { version } }', { id });
    expect(res.data!.updateIndicator.version).toBe(2);
    const stale = await admin.gql('mutation($id: ID!) { updateIndicator(id: $id, expectedVersion: 1, input: { name: "X" }) { version } }', { id });
    expect(stale.errors![0].extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
    expect((await app.gql(INDICATOR)).data!.indicator).toMatchObject({ name: 'Väntetid till läkare', direction: 'LOWER_IS_BETTER', unit: 'DAYS' });
  });

  it('refuses an amber threshold on the wrong side of the target at input.amberThreshold, storing nothing', async () => {
    const before = await app.count('target');
    // Lower is better: amber must lie above the target (worse), not below it.
    const res = await admin.gql('mutation($id: ID!) { setIndicatorTarget(indicatorId: $id, input: { year: 2026, value: 14, amberThreshold: 10 }) { id } }', { id });
    expect(res.errors![0].extensions.fields).toEqual([{ path: 'input.amberThreshold', message: expect.stringMatching(/lower is better/i) }]);
    expect(await app.count('target')).toBe(before);
    expect((await app.gql(INDICATOR)).data!.indicator.t2026).toBeNull();
  });

  it('sets and changes the target of a year, shown publicly', async () => {
    const set = await admin.gql('mutation($id: ID!) { setIndicatorTarget(indicatorId: $id, input: { year: 2026, value: 14, amberThreshold: 21 }) { year value amberThreshold } }', { id });
    expect(set.data!.setIndicatorTarget).toEqual({ year: 2026, value: 14, amberThreshold: 21 });
    await admin.gql('mutation($id: ID!) { setIndicatorTarget(indicatorId: $id, input: { year: 2026, value: 10, amberThreshold: 21 }) { id } }', { id });
    expect((await app.gql(INDICATOR)).data!.indicator.t2026).toEqual({ value: 10, amberThreshold: 21 });

    // Turning the direction around would make the target inconsistent: refused at the field.
    const turned = await admin.gql('mutation($id: ID!, $v: Int!) { updateIndicator(id: $id, expectedVersion: $v, input: { direction: HIGHER_IS_BETTER }) { id } }', {
      id,
      v: (await app.one('SELECT version FROM indicator WHERE id = $1', [id])).version,
    });
    expect(fieldsOf(turned)).toEqual(['input.direction']);
    expect((await app.gql(INDICATOR)).data!.indicator.direction).toBe('LOWER_IS_BETTER');
  });
});
