import type { EntityManager } from 'typeorm';
import DataLoader from 'dataloader';
import { byKey, groupedBy } from '../../common/loaders.js';
import { entityRows } from '../../common/rows.js';
import { Agreement, ChoiceSystem, Municipality, Provider, Unit } from './entities.js';

/** An agreement's units in the order they are shown: by name (Swedish), then id. */
export function sortUnits(units: Unit[]): Unit[] {
  return units.sort((a, b) => a.name.localeCompare(b.name, 'sv') || a.id.localeCompare(b.id));
}

/**
 * A SQL expression for the units of the agreement `agreementId` (an SQL expression too), as a JSON
 * array of rows, for a statement that loads agreements and their units at once (see unitsFromJson).
 */
export const unitsOfAgreementJson = (agreementId: string) =>
  `(SELECT coalesce(json_agg(row_to_json(u)), '[]'::json) FROM agreement_unit au JOIN unit u ON u.id = au.unit_id WHERE au.agreement_id = ${agreementId})`;

/** The units of unitsOfAgreementJson, in order. */
export function unitsFromJson(em: EntityManager, json: unknown): Unit[] {
  const rows = entityRows(em, Unit);
  return sortUnits((json as Record<string, unknown>[]).map((r) => rows.read(r)!));
}

export function createMasterDataLoaders(em: EntityManager) {
  const unitRows = entityRows(em, Unit);
  const unitsOfAgreementsSql = `SELECT ${unitRows.columns('u')}, au.agreement_id AS link_agreement_id
    FROM agreement_unit au JOIN unit u ON u.id = au.unit_id WHERE au.agreement_id = ANY($1)`;
  return {
    municipalityByCode: byKey<Municipality, string>(em, Municipality, 'code'),
    providerById: byKey<Provider, string>(em, Provider, 'id'),
    unitById: byKey<Unit, string>(em, Unit, 'id'),
    choiceSystemById: byKey<ChoiceSystem, string>(em, ChoiceSystem, 'id'),
    agreementById: byKey<Agreement, string>(em, Agreement, 'id'),
    unitsByProvider: groupedBy<Unit, string>(em, Unit, 'providerId', { name: 'ASC', id: 'ASC' }),
    agreementsByProvider: groupedBy<Agreement, string>(em, Agreement, 'providerId', { validFrom: 'ASC', reference: 'ASC' }),
    unitsByAgreement: new DataLoader<string, Unit[]>(async (agreementIds) => {
      // One statement: the units with the agreement each row is linked through.
      const rows: Record<string, unknown>[] = await em.query(unitsOfAgreementsSql, [[...agreementIds]]);
      const byAgreement = new Map<string, Unit[]>();
      for (const row of rows) {
        const unit = unitRows.read(row, 'u')!;
        const agreementId = row.link_agreement_id as string;
        const list = byAgreement.get(agreementId);
        if (list) list.push(unit);
        else byAgreement.set(agreementId, [unit]);
      }
      return agreementIds.map((id) => sortUnits(byAgreement.get(id) ?? []));
    }),
  };
}
