import { registerEnumType } from 'type-graphql';

export enum Ownership {
  IN_HOUSE = 'IN_HOUSE',
  PRIVATE = 'PRIVATE',
  PUBLIC_COMPANY = 'PUBLIC_COMPANY',
  NON_PROFIT = 'NON_PROFIT',
}
registerEnumType(Ownership, {
  name: 'Ownership',
  description: 'Who owns a provider: the region (egen regi), a company, a municipal company or a non-profit.',
  valuesConfig: {
    IN_HOUSE: { description: 'Egen regi: the region\'s own units.' },
    PRIVATE: { description: 'Privat utförare: company, cooperative or sole trader.' },
    PUBLIC_COMPANY: { description: 'Kommunalt bolag or stiftelse.' },
    NON_PROFIT: { description: 'Idéburen organisation.' },
  },
});

export enum UnitKind {
  HEALTH_CENTRE = 'HEALTH_CENTRE',
  DENTAL_CLINIC = 'DENTAL_CLINIC',
  BRANCH = 'BRANCH',
  OTHER = 'OTHER',
}
registerEnumType(UnitKind, { name: 'UnitKind', description: 'Hälsocentral, tandklinik, filial or other unit.' });

export enum AgreementForm {
  LOV = 'LOV',
  LOU = 'LOU',
  IN_HOUSE = 'IN_HOUSE',
  LOF = 'LOF',
}
registerEnumType(AgreementForm, {
  name: 'AgreementForm',
  description: 'LOV contract in a choice system, LOU contract, in-house commission, or LOF (outside the program).',
});
