import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../app/context.js';
import { Provider } from '../masterdata/entities.js';
import { ApiToken, User } from './entities.js';
import { Role } from './enums.js';
import { identityService } from './service.js';
import {
  ApiTokenFilter,
  CreatedApiToken,
  CreatedUser,
  CreateUserInput,
  PasswordReset,
  UpdateUserInput,
  UserConnection,
  UserFilter,
  Viewer,
} from './types.js';

function toViewer(user: User): Viewer {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    roles: user.roles,
    mustChangePassword: user.mustChangePassword,
    providerId: user.providerId,
  };
}

@ArgsType()
class CreateApiTokenArgs {
  @Field(() => String)
  name: string;

  @Field(() => Date, { nullable: true })
  expiresAt?: Date | null;

  @Field(() => ID, { nullable: true, description: 'ADMIN only: the user the token acts for (default: yourself).' })
  ownerId?: string | null;

  @Field(() => [Role], { nullable: true, description: 'ADMIN only: the token\'s roles (default ANALYST).' })
  roles?: Role[] | null;
}

@Resolver()
export class IdentityResolver {
  @Query(() => Viewer, { nullable: true, description: 'The logged-in user; null when not logged in.' })
  async viewer(@Ctx() ctx: Context): Promise<Viewer | null> {
    const user = await identityService.viewer(ctx);
    return user ? toViewer(user) : null;
  }

  @Mutation(() => Viewer, { description: 'Logs in and sets an httpOnly session cookie.' })
  async login(
    @Ctx() ctx: Context,
    @Arg('email', () => String) email: string,
    @Arg('password', () => String) password: string,
  ): Promise<Viewer> {
    return toViewer(await identityService.login(ctx, email, password));
  }

  @Mutation(() => Boolean, { description: 'Ends the session.' })
  logout(@Ctx() ctx: Context): Promise<boolean> {
    return identityService.logout(ctx);
  }

  @Mutation(() => Boolean, { description: 'Changes your own password.' })
  changePassword(
    @Ctx() ctx: Context,
    @Arg('currentPassword', () => String) currentPassword: string,
    @Arg('newPassword', () => String) newPassword: string,
  ): Promise<boolean> {
    return identityService.changePassword(ctx, currentPassword, newPassword);
  }

  @Query(() => UserConnection, { description: 'ADMIN and AUDITOR: all users; PROVIDER: their own provider\'s users.' })
  users(
    @Ctx() ctx: Context,
    @Arg('filter', () => UserFilter, { nullable: true }) filter: UserFilter | null,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ): Promise<UserConnection> {
    return identityService.users(ctx, filter, first, after);
  }

  @Query(() => User, { nullable: true })
  user(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<User> {
    return identityService.user(ctx, id);
  }

  @Mutation(() => CreatedUser, { description: 'ADMIN: creates a user.' })
  createUser(@Ctx() ctx: Context, @Arg('input', () => CreateUserInput) input: CreateUserInput): Promise<CreatedUser> {
    return identityService.createUser(ctx, input);
  }

  @Mutation(() => User, { description: 'ADMIN: changes name, roles, provider or active; CONFLICT on a stale version.' })
  updateUser(
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('input', () => UpdateUserInput) input: UpdateUserInput,
  ): Promise<User> {
    return identityService.updateUser(ctx, id, expectedVersion, input);
  }

  @Mutation(() => PasswordReset, { description: 'ADMIN: sets a temporary password and ends the user\'s sessions.' })
  resetPassword(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<PasswordReset> {
    return identityService.resetPassword(ctx, id);
  }

  @Query(() => [ApiToken], { description: 'ADMIN and AUDITOR: all API tokens; ANALYST: their own.' })
  apiTokens(
    @Ctx() ctx: Context,
    @Arg('filter', () => ApiTokenFilter, { nullable: true }) filter: ApiTokenFilter | null,
  ): Promise<ApiToken[]> {
    return identityService.apiTokens(ctx, filter?.ownerId ?? null, filter?.includeInactive ?? false);
  }

  @Mutation(() => CreatedApiToken, { description: 'Creates an API token; its text is returned only here.' })
  createApiToken(@Ctx() ctx: Context, @Args(() => CreateApiTokenArgs) args: CreateApiTokenArgs): Promise<CreatedApiToken> {
    return identityService.createApiToken(ctx, {
      name: args.name,
      expiresAt: args.expiresAt ?? null,
      ownerId: args.ownerId ?? null,
      roles: args.roles ?? null,
    });
  }

  @Mutation(() => Boolean, { description: 'Revokes an API token at once.' })
  revokeApiToken(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<boolean> {
    return identityService.revokeApiToken(ctx, id);
  }
}

@Resolver(() => Viewer)
export class ViewerFields {
  @FieldResolver(() => Provider, { nullable: true, description: 'The provider a PROVIDER user belongs to.' })
  provider(@Root() viewer: Viewer, @Ctx() ctx: Context): Promise<Provider | null> | null {
    return viewer.providerId ? ctx.loaders.providerById.load(viewer.providerId) : null;
  }

  @FieldResolver(() => String, { description: 'Your language for e-mail and notifications: sv or en (set with setLanguage).' })
  async language(@Root() viewer: Viewer, @Ctx() ctx: Context): Promise<string> {
    const [row] = await ctx.em.query('SELECT language FROM app_user WHERE id = $1', [viewer.id]);
    return row?.language ?? 'sv';
  }
}

@Resolver(() => User)
export class UserFields {
  @FieldResolver(() => Provider, { nullable: true })
  provider(@Root() user: User, @Ctx() ctx: Context): Promise<Provider | null> | null {
    return user.providerId ? ctx.loaders.providerById.load(user.providerId) : null;
  }
}

@Resolver(() => ApiToken)
export class ApiTokenFields {
  @FieldResolver(() => User, { description: 'The user the token acts for.' })
  async owner(@Root() token: ApiToken, @Ctx() ctx: Context): Promise<User> {
    return (await ctx.loaders.userById.load(token.ownerId))!;
  }
}
