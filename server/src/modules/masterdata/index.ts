import { Agreement, AgreementUnit, ChoiceSystem, Municipality, Provider, Unit } from './entities.js';
import { AgreementFields, MasterDataQueries, ProviderFields, UnitFields } from './resolver.js';
import { MasterDataAdminResolver } from './admin-resolver.js';

export const masterData = {
  entities: [Municipality, Provider, Unit, ChoiceSystem, Agreement, AgreementUnit],
  resolvers: [MasterDataQueries, ProviderFields, UnitFields, AgreementFields, MasterDataAdminResolver],
} as const;
export { masterDataService } from './service.js';
