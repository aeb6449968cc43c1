import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { ConnectionType } from '../../common/pagination.js';
import { ApiToken, User } from './entities.js';
import { Role } from './enums.js';

@ObjectType({ description: 'The logged-in user (or the owner of the API token in use).' })
export class Viewer {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  email: string;

  @Field(() => String)
  name: string;

  @Field(() => [Role])
  roles: Role[];

  @Field(() => Boolean, { description: 'True when the password was set by an administrator and must be changed.' })
  mustChangePassword: boolean;

  providerId: string | null;
}

@ObjectType({ description: 'A new API token. `token` is shown only here, once; Insyn keeps only its hash.' })
export class CreatedApiToken {
  @Field(() => String)
  token: string;

  @Field(() => ApiToken)
  apiToken: ApiToken;
}

@ObjectType({ description: 'A temporary password set by an administrator; shown once, to be handed over securely.' })
export class PasswordReset {
  @Field(() => User)
  user: User;

  @Field(() => String)
  temporaryPassword: string;
}

export const UserConnection = ConnectionType(User, 'User');
export type UserConnection = InstanceType<typeof UserConnection>;

@InputType()
export class UserFilter {
  @Field(() => String, { nullable: true, description: 'Part of the name or e-mail address.' })
  search?: string | null;

  @Field(() => Role, { nullable: true })
  role?: Role | null;

  @Field(() => ID, { nullable: true })
  providerId?: string | null;

  @Field(() => Boolean, { nullable: true })
  active?: boolean | null;
}

@InputType()
export class CreateUserInput {
  @Field(() => String)
  email: string;

  @Field(() => String)
  name: string;

  @Field(() => [Role])
  roles: Role[];

  @Field(() => ID, { nullable: true, description: 'Required for PROVIDER users, not allowed for others.' })
  providerId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Initial password (at least 12 characters). Without it a temporary password is generated and returned.',
  })
  password?: string | null;
}

@ObjectType()
export class CreatedUser {
  @Field(() => User)
  user: User;

  @Field(() => String, { nullable: true, description: 'The generated temporary password, shown once.' })
  temporaryPassword: string | null;
}

@InputType()
export class UpdateUserInput {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => [Role], { nullable: true })
  roles?: Role[] | null;

  @Field(() => ID, { nullable: true })
  providerId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'false deactivates the user and ends their sessions.' })
  active?: boolean | null;
}

@InputType()
export class ApiTokenFilter {
  @Field(() => ID, { nullable: true })
  ownerId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Include revoked and expired tokens.' })
  includeInactive?: boolean | null;
}
