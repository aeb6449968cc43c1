import { Field, ID, InputType } from 'type-graphql';
import { AgreementForm } from '../masterdata/enums.js';

@InputType()
export class CreateFollowUpRoundInput {
  @Field(() => String)
  name: string;

  @Field(() => String, { description: '"2025", "2025-T2", "2025-H1", "2025-Q3" or "2025-M04".' })
  period: string;

  @Field(() => ID, { description: 'A published template version.' })
  templateId: string;

  @Field(() => ID, { nullable: true, description: 'Only agreements of this choice system.' })
  choiceSystemId?: string | null;

  @Field(() => [AgreementForm], { nullable: true, description: 'Agreement forms in scope (default LOV, LOU and IN_HOUSE; never LOF).' })
  agreementForms?: AgreementForm[] | null;

  @Field(() => Date)
  opensAt: Date;

  @Field(() => Date)
  dueAt: Date;
}
