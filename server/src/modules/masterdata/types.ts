import { ConnectionType } from '../../common/pagination.js';
import { Provider, Unit } from './entities.js';

export const ProviderConnection = ConnectionType(Provider, 'Provider');
export type ProviderConnection = InstanceType<typeof ProviderConnection>;

export const UnitConnection = ConnectionType(Unit, 'Unit');
export type UnitConnection = InstanceType<typeof UnitConnection>;
