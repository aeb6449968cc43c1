import type { EntityManager } from 'typeorm';
import { byKey, groupedBy } from '../../common/loaders.js';
import { Goal, Guideline, Indicator, Target } from './entities.js';

export function createProgramLoaders(em: EntityManager) {
  return {
    goalById: byKey<Goal, string>(em, Goal, 'id'),
    guidelineById: byKey<Guideline, string>(em, Guideline, 'id'),
    indicatorById: byKey<Indicator, string>(em, Indicator, 'id'),
    goalsByProgram: groupedBy<Goal, string>(em, Goal, 'programId', { position: 'ASC' }),
    guidelinesByProgram: groupedBy<Guideline, string>(em, Guideline, 'programId', { position: 'ASC' }),
    guidelinesByGoal: groupedBy<Guideline, string>(em, Guideline, 'goalId', { position: 'ASC' }),
    indicatorsByGoal: groupedBy<Indicator, string>(em, Indicator, 'goalId', { code: 'ASC' }),
    targetsByIndicator: groupedBy<Target, string>(em, Target, 'indicatorId', { year: 'ASC' }),
  };
}
