import { Agreement, AgreementUnit, ChoiceSystem, Municipality, Provider, Unit } from './entities.js';
import { AgreementFields, MasterDataQueries, ProviderFields, UnitFields } from './resolver.js';

export const masterData = {
  entities: [Municipality, Provider, Unit, ChoiceSystem, Agreement, AgreementUnit],
  resolvers: [MasterDataQueries, ProviderFields, UnitFields, AgreementFields],
} as const;
export { masterDataService } from './service.js';
