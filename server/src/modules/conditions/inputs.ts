import { Field, ID, InputType, Int } from 'type-graphql';
import { LocalDateScalar } from '../../common/scalars.js';

@InputType({ description: 'One condition of a new version.' })
export class ConditionInput {
  @Field(() => String, { description: 'V1, V2, …: keep the code of a condition that continues, so versions can be compared.' })
  code: string;

  @Field(() => String)
  heading: string;

  @Field(() => String)
  text: string;
}

@InputType({ description: 'A new version of a governing document, as decided: the whole list of conditions, in order.' })
export class AdoptGoverningDocumentVersionInput {
  @Field(() => ID)
  documentId: string;

  @Field(() => Int, { description: 'The current version the editor started from (0 when the document has none); a stale one is a CONFLICT.' })
  expectedVersion: number;

  @Field(() => String)
  decisionReference: string;

  @Field(() => String)
  decidedBy: string;

  @Field(() => LocalDateScalar)
  decidedAt: string;

  @Field(() => String, { nullable: true })
  note?: string | null;

  @Field(() => [ConditionInput])
  conditions: ConditionInput[];
}
