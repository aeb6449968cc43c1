import type { EntityManager } from 'typeorm';
import DataLoader from 'dataloader';
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
      // One statement: the units with the agreement each row is linked through.
      const { raw, entities } = await em
        .getRepository(Unit)
        .createQueryBuilder('u')
        .innerJoin(AgreementUnit, 'au', 'au.unit_id = u.id')
        .addSelect('au.agreement_id', 'link_agreement_id')
        .where('au.agreement_id IN (:...ids)', { ids: [...agreementIds] })
        .getRawAndEntities<{ u_id: string; link_agreement_id: string }>();
      const byId = new Map(entities.map((u) => [u.id, u]));
      const byAgreement = new Map<string, Unit[]>();
      for (const row of raw) {
        const unit = byId.get(row.u_id);
        if (!unit) continue;
        const list = byAgreement.get(row.link_agreement_id);
        if (list) list.push(unit);
        else byAgreement.set(row.link_agreement_id, [unit]);
      }
      return agreementIds.map((id) => (byAgreement.get(id) ?? []).sort((a, b) => a.name.localeCompare(b.name, 'sv') || a.id.localeCompare(b.id)));
    }),
  };
}
