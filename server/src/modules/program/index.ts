import { GoverningDocument, Goal, Guideline, Indicator, Program, Target } from './entities.js';
import { GoalFields, GuidelineFields, IndicatorFields, ProgramFields, ProgramQueries } from './resolver.js';
import { ProgramAdminResolver } from './admin-resolver.js';

export const program = {
  entities: [GoverningDocument, Program, Goal, Guideline, Indicator, Target],
  resolvers: [ProgramQueries, ProgramFields, GoalFields, GuidelineFields, IndicatorFields, ProgramAdminResolver],
} as const;
export { programService } from './service.js';
