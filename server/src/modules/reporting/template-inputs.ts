import { Field, Float, ID, InputType } from 'type-graphql';
import { ServiceArea } from '../program/enums.js';
import { QuestionType } from './enums.js';

@InputType()
export class ChoiceOptionInput {
  @Field(() => String)
  key: string;

  @Field(() => String)
  label: string;

  @Field(() => String, { nullable: true })
  labelEn?: string | null;
}

@InputType()
export class QuestionInput {
  @Field(() => ID, { nullable: true, description: 'Existing question to keep (drafts only); omit for a new one.' })
  id?: string | null;

  @Field(() => String)
  code: string;

  @Field(() => String)
  text: string;

  @Field(() => String, { nullable: true })
  textEn?: string | null;

  @Field(() => String, { nullable: true })
  help?: string | null;

  @Field(() => String, { nullable: true })
  helpEn?: string | null;

  @Field(() => QuestionType)
  type: QuestionType;

  @Field(() => Boolean, { nullable: true })
  required?: boolean | null;

  @Field(() => [ChoiceOptionInput], { nullable: true })
  options?: ChoiceOptionInput[] | null;

  @Field(() => Float, { nullable: true })
  min?: number | null;

  @Field(() => Float, { nullable: true })
  max?: number | null;

  @Field(() => String, { nullable: true })
  unitLabel?: string | null;

  @Field(() => ID, { nullable: true })
  goalId?: string | null;

  @Field(() => ID, { nullable: true })
  guidelineId?: string | null;

  @Field(() => ID, { nullable: true })
  indicatorId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Publish TEXT answers to this question (default false: free text is never published).' })
  publicAnswer?: boolean | null;
}

@InputType()
export class SectionInput {
  @Field(() => ID, { nullable: true })
  id?: string | null;

  @Field(() => String)
  title: string;

  @Field(() => String, { nullable: true })
  titleEn?: string | null;

  @Field(() => [QuestionInput])
  questions: QuestionInput[];
}

@InputType({ description: 'A whole draft template: its name and its sections with questions, in order.' })
export class ReportTemplateInput {
  @Field(() => String)
  name: string;

  @Field(() => String, { nullable: true })
  nameEn?: string | null;

  @Field(() => ServiceArea, { nullable: true })
  serviceArea?: ServiceArea | null;

  @Field(() => [SectionInput])
  sections: SectionInput[];
}
