import { checkOrgNumber, isMunicipalityCode, orgNumberMessages } from '@insyn/shared';
import type { EntityManager } from 'typeorm';
import { z } from 'zod';
import type { Context } from '../../app/context.js';
import { access } from '../../common/access.js';
import { insertAudited, updateAudited } from '../../common/admin-save.js';
import { recordAudit } from '../../common/audit.js';
import { mapConstraintError } from '../../common/db-errors.js';
import { badField, notFound } from '../../common/errors.js';
import { isId } from '../../common/ids.js';
import { parseInput } from '../../common/zod-input.js';
import { Agreement, ChoiceSystem, Provider, Unit } from './entities.js';
import { AgreementForm, Ownership, UnitKind } from './enums.js';
import type { AgreementInput, ChoiceSystemInput, ProviderInput, UnitInput } from './admin-inputs.js';

const text = (label: string, max = 200) => z.string().trim().min(1, `Enter ${label}`).max(max, `${label} is too long`);
const optionalText = (max = 200) =>
  z
    .string()
    .trim()
    .max(max, 'Too long')
    .transform((v) => (v === '' ? null : v))
    .nullish();
const id = z.string().refine(isId, 'Not a valid id');
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter a date as YYYY-MM-DD');
const orgNumber = z.string().transform((value, zctx) => {
  const result = checkOrgNumber(value);
  if (!result.valid) {
    zctx.addIssue({ code: 'custom', message: orgNumberMessages[result.problem!].en });
    return z.NEVER;
  }
  return result.normalized!;
});

const providerFields = {
  name: text('a name'),
  orgNumber,
  ownership: z.enum(Ownership),
  contactEmail: z
    .string()
    .trim()
    .toLowerCase()
    .transform((v) => (v === '' ? null : v))
    .pipe(z.string().regex(/^[^@\s]+@[^@\s]+\.[^@\s]+$/, 'Enter a valid e-mail address').nullable())
    .nullish(),
  contactPhone: optionalText(40),
  website: optionalText(300),
};

const unitFields = {
  providerId: id,
  municipalityCode: z.string().refine(isMunicipalityCode, 'Choose a municipality'),
  name: text('a name'),
  kind: z.enum(UnitKind),
  hsaId: z
    .string()
    .trim()
    .transform((v) => (v === '' ? null : v))
    .pipe(z.string().regex(/^SE\d{10}-[A-Za-z0-9]+$/, 'An HSA-id looks like SE2321000214-E123').nullable())
    .nullish(),
  streetAddress: optionalText(),
  postalCode: z
    .string()
    .trim()
    .transform((v) => (v === '' ? null : v))
    .pipe(z.string().regex(/^\d{3} ?\d{2}$/, 'A postcode has five digits, e.g. 831 30').nullable())
    .nullish(),
  city: optionalText(100),
};

const agreementFields = {
  providerId: id,
  choiceSystemId: id.nullish(),
  form: z.enum(AgreementForm),
  reference: text('a reference', 100),
  validFrom: date,
  validTo: date.nullish(),
  unitIds: z.array(id).max(500),
  outOfScopeReason: optionalText(2000),
};

const choiceSystemFields = {
  code: z.string().trim().regex(/^[A-Z][A-Z0-9_]*$/, 'Use capital letters, digits and _ (e.g. HALSOVAL)'),
  name: text('a name'),
  startedOn: date.nullish(),
};

const PROVIDER_CONSTRAINTS: Record<string, [string, string]> = {
  provider_org_number_unique: ['input.orgNumber', 'A provider with this organisation number already exists'],
  provider_ownership_vat_economics: ['input.ownership', 'Its units have VAT compensation in their economics: correct the economics before making it in-house'],
  provider_ownership_full_cost_economics: ['input.ownership', 'Its units have a full cost in their economics: correct the economics before making it other than in-house'],
};
const UNIT_CONSTRAINTS: Record<string, [string, string]> = {
  unit_provider_id_name_key: ['input.name', 'The provider already has a unit with this name'],
  unit_hsa_id_key: ['input.hsaId', 'Another unit has this HSA-id'],
  unit_municipality_code_fkey: ['input.municipalityCode', 'No such municipality'],
  unit_provider_id_fkey: ['input.providerId', 'No such provider'],
};
const AGREEMENT_CONSTRAINTS: Record<string, [string, string]> = {
  agreement_reference_key: ['input.reference', 'Another agreement has this reference'],
  agreement_provider_id_fkey: ['input.providerId', 'No such provider'],
  agreement_choice_system_id_fkey: ['input.choiceSystemId', 'No such choice system'],
  agreement_valid_to_check: ['input.validTo', 'The end date must not be before the start date'],
  agreement_lov_choice_system: ['input.choiceSystemId', 'A LOV agreement belongs to a choice system'],
  agreement_unit_unit_id_provider_id_fkey: ['input.unitIds', 'Choose units of the agreement\'s own provider'],
};
const CHOICE_SYSTEM_CONSTRAINTS: Record<string, [string, string]> = {
  choice_system_code_key: ['input.code', 'Another choice system has this code'],
};

type AgreementRecord = {
  choiceSystemId: string | null;
  form: AgreementForm;
  reference: string;
  validFrom: string;
  validTo: string | null;
  inProgramScope: boolean;
  outOfScopeReason: string | null;
};

/** LOF is always outside the program; another agreement is outside only when a reason is given. */
function scopeOf(form: AgreementForm, reason: string | null | undefined): { inProgramScope: boolean; outOfScopeReason: string | null } {
  if (form === AgreementForm.LOF && !reason) throw badField('input.outOfScopeReason', 'Say why the LOF agreement is outside the program');
  return { inProgramScope: !reason, outOfScopeReason: reason ?? null };
}

function checkAgreement(a: AgreementRecord): void {
  if (a.validTo && a.validTo < a.validFrom) throw badField('input.validTo', 'The end date must not be before the start date');
  if (a.form === AgreementForm.LOV && !a.choiceSystemId) throw badField('input.choiceSystemId', 'A LOV agreement belongs to a choice system');
}

async function setAgreementUnits(em: EntityManager, agreementId: string, providerId: string, unitIds: string[]): Promise<void> {
  const unique = [...new Set(unitIds)];
  if (unique.length) {
    const own: { id: string }[] = await em.query('SELECT id FROM unit WHERE id = ANY($1) AND provider_id = $2', [unique, providerId]);
    if (own.length !== unique.length) throw badField('input.unitIds', "Choose units of the agreement's own provider");
  }
  await em.query('DELETE FROM agreement_unit WHERE agreement_id = $1 AND NOT (unit_id = ANY($2))', [agreementId, unique]);
  for (const unitId of unique) {
    await em.query(
      `INSERT INTO agreement_unit (agreement_id, unit_id, provider_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
      [agreementId, unitId, providerId],
    );
  }
}

/** Administration of master data (ADMIN only). Every change is versioned and audited. */
export const masterDataAdmin = {
  async createProvider(ctx: Context, input: ProviderInput): Promise<Provider> {
    await access.requireWriter(ctx, ['ADMIN']);
    const data = parseInput(z.object(providerFields), input);
    const newId = await ctx.em
      .transaction((em) => insertAudited(em, ctx, 'provider', 'Provider', data))
      .catch((e) => mapConstraintError(e, PROVIDER_CONSTRAINTS));
    return (await ctx.em.getRepository(Provider).findOneBy({ id: newId }))!;
  },

  async updateProvider(ctx: Context, providerId: string, expectedVersion: number, input: ProviderInput): Promise<Provider> {
    await access.requireWriter(ctx, ['ADMIN']);
    if (!isId(providerId)) throw notFound('Provider');
    const patch = parseInput(z.object(providerFields).partial(), input);
    await ctx.em
      .transaction((em) =>
        updateAudited(em, ctx, {
          table: 'provider',
          entityType: 'Provider',
          id: providerId,
          expectedVersion,
          keys: ['name', 'orgNumber', 'ownership', 'contactEmail', 'contactPhone', 'website'],
          patch,
        }),
      )
      .catch((e) => mapConstraintError(e, PROVIDER_CONSTRAINTS));
    return (await ctx.em.getRepository(Provider).findOneBy({ id: providerId }))!;
  },

  async createUnit(ctx: Context, input: UnitInput): Promise<Unit> {
    await access.requireWriter(ctx, ['ADMIN']);
    const data = parseInput(z.object(unitFields), input);
    const newId = await ctx.em
      .transaction((em) => insertAudited(em, ctx, 'unit', 'Unit', data))
      .catch((e) => mapConstraintError(e, UNIT_CONSTRAINTS));
    return (await ctx.em.getRepository(Unit).findOneBy({ id: newId }))!;
  },

  async updateUnit(ctx: Context, unitId: string, expectedVersion: number, input: UnitInput): Promise<Unit> {
    await access.requireWriter(ctx, ['ADMIN']);
    if (!isId(unitId)) throw notFound('Unit');
    if (input.providerId != null) throw badField('input.providerId', 'A unit does not move to another provider');
    const { providerId: _p, ...editable } = unitFields;
    const patch = parseInput(z.object(editable).partial(), input);
    await ctx.em
      .transaction((em) =>
        updateAudited(em, ctx, {
          table: 'unit',
          entityType: 'Unit',
          id: unitId,
          expectedVersion,
          keys: ['municipalityCode', 'name', 'kind', 'hsaId', 'streetAddress', 'postalCode', 'city'],
          patch,
        }),
      )
      .catch((e) => mapConstraintError(e, UNIT_CONSTRAINTS));
    return (await ctx.em.getRepository(Unit).findOneBy({ id: unitId }))!;
  },

  async createAgreement(ctx: Context, input: AgreementInput): Promise<Agreement> {
    await access.requireWriter(ctx, ['ADMIN']);
    const data = parseInput(z.object(agreementFields).extend({ unitIds: agreementFields.unitIds.default([]) }), input);
    const record: AgreementRecord = {
      choiceSystemId: data.choiceSystemId ?? null,
      form: data.form,
      reference: data.reference,
      validFrom: data.validFrom,
      validTo: data.validTo ?? null,
      ...scopeOf(data.form, data.outOfScopeReason),
    };
    checkAgreement(record);
    const newId = await ctx.em
      .transaction(async (em) => {
        const agreementId = await insertAudited(
          em,
          ctx,
          'agreement',
          'Agreement',
          { providerId: data.providerId, ...record },
          { unitIds: data.unitIds },
        );
        await setAgreementUnits(em, agreementId, data.providerId, data.unitIds);
        return agreementId;
      })
      .catch((e) => mapConstraintError(e, AGREEMENT_CONSTRAINTS));
    return (await ctx.em.getRepository(Agreement).findOneBy({ id: newId }))!;
  },

  async updateAgreement(ctx: Context, agreementId: string, expectedVersion: number, input: AgreementInput): Promise<Agreement> {
    await access.requireWriter(ctx, ['ADMIN']);
    if (!isId(agreementId)) throw notFound('Agreement');
    if (input.providerId != null) throw badField('input.providerId', 'An agreement does not move to another provider');
    const { providerId: _p, ...editable } = agreementFields;
    const patch = parseInput(z.object(editable).partial(), input);
    await ctx.em
      .transaction(async (em) => {
        const [current] = await em.query('SELECT provider_id FROM agreement WHERE id = $1', [agreementId]);
        if (!current) throw notFound('Agreement');
        const { unitIds, outOfScopeReason, ...rest } = patch;
        const changed = await updateAudited<AgreementRecord>(em, ctx, {
          table: 'agreement',
          entityType: 'Agreement',
          id: agreementId,
          expectedVersion,
          keys: ['choiceSystemId', 'form', 'reference', 'validFrom', 'validTo', 'inProgramScope', 'outOfScopeReason'],
          patch: rest,
          check: (merged) => {
            const reason = outOfScopeReason !== undefined ? outOfScopeReason : merged.outOfScopeReason;
            Object.assign(merged, scopeOf(merged.form, reason));
            checkAgreement(merged);
          },
        });
        if (unitIds) {
          const before: { unit_id: string }[] = await em.query('SELECT unit_id FROM agreement_unit WHERE agreement_id = $1 ORDER BY unit_id', [agreementId]);
          const next = [...new Set(unitIds)].sort();
          const previous = before.map((r) => r.unit_id);
          if (JSON.stringify(previous) !== JSON.stringify(next)) {
            await setAgreementUnits(em, agreementId, current.provider_id, next);
            if (!changed) await em.query('UPDATE agreement SET version = version + 1, updated_at = now() WHERE id = $1', [agreementId]);
            await recordAudit(em, ctx, {
              action: 'AGREEMENT_UNITS_CHANGED',
              entityType: 'Agreement',
              entityId: agreementId,
              before: { unitIds: previous },
              after: { unitIds: next },
            });
          }
        }
      })
      .catch((e) => mapConstraintError(e, AGREEMENT_CONSTRAINTS));
    return (await ctx.em.getRepository(Agreement).findOneBy({ id: agreementId }))!;
  },

  async createChoiceSystem(ctx: Context, input: ChoiceSystemInput): Promise<ChoiceSystem> {
    await access.requireWriter(ctx, ['ADMIN']);
    const data = parseInput(z.object(choiceSystemFields), input);
    const newId = await ctx.em
      .transaction((em) => insertAudited(em, ctx, 'choice_system', 'ChoiceSystem', data))
      .catch((e) => mapConstraintError(e, CHOICE_SYSTEM_CONSTRAINTS));
    return (await ctx.em.getRepository(ChoiceSystem).findOneBy({ id: newId }))!;
  },

  async updateChoiceSystem(ctx: Context, choiceSystemId: string, expectedVersion: number, input: ChoiceSystemInput): Promise<ChoiceSystem> {
    await access.requireWriter(ctx, ['ADMIN']);
    if (!isId(choiceSystemId)) throw notFound('ChoiceSystem');
    const patch = parseInput(z.object(choiceSystemFields).partial(), input);
    await ctx.em
      .transaction((em) =>
        updateAudited(em, ctx, {
          table: 'choice_system',
          entityType: 'ChoiceSystem',
          id: choiceSystemId,
          expectedVersion,
          keys: ['code', 'name', 'startedOn'],
          patch,
        }),
      )
      .catch((e) => mapConstraintError(e, CHOICE_SYSTEM_CONSTRAINTS));
    return (await ctx.em.getRepository(ChoiceSystem).findOneBy({ id: choiceSystemId }))!;
  },
};
