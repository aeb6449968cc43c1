import type { EntityManager } from 'typeorm';
import DataLoader from 'dataloader';
import { In } from 'typeorm';
import { byKey, groupedBy } from '../../common/loaders.js';
import { Agreement, AgreementUnit, ChoiceSystem, Municipality, Provider, Unit } from './entities.js';

export function createMasterDataLoaders(em: EntityManager) {
  return {
    municipalityByCode: byKey<Municipality, string>(em, Municipality, 'code'),
    providerById: byKey<Provider, string>(em, Provider, 'id'),
    unitById: byKey<Unit, string>(em, Unit, 'id'),
    choiceSystemById: byKey<ChoiceSystem, string>(em, ChoiceSystem, 'id'),
    agreementById: byKey<Agreement, string>(em, Agreement, 'id'),
    unitsByProvider: groupedBy<Unit, string>(em, Unit, 'providerId', { name: 'ASC', id: 'ASC' }),
    agreementsByProvider: groupedBy<Agreement, string>(em, Agreement, 'providerId', { validFrom: 'ASC', reference: 'ASC' }),
    unitsByAgreement: new DataLoader<string, Unit[]>(async (agreementIds) => {
      const links = await em.getRepository(AgreementUnit).find({ where: { agreementId: In([...agreementIds]) } });
      const units = links.length
        ? await em.getRepository(Unit).find({ where: { id: In(links.map((l) => l.unitId)) }, order: { name: 'ASC', id: 'ASC' } })
        : [];
      const byId = new Map(units.map((u) => [u.id, u]));
      return agreementIds.map((id) =>
        links
          .filter((l) => l.agreementId === id)
          .map((l) => byId.get(l.unitId))
          .filter((u): u is Unit => u !== undefined)
          .sort((a, b) => a.name.localeCompare(b.name, 'sv')),
      );
    }),
  };
}
