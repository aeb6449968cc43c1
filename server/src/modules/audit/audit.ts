import { JSONResolver } from 'graphql-scalars';
import { Arg, Ctx, Field, FieldResolver, ID, InputType, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Context } from '../../app/context.js';
import { access } from '../../common/access.js';
import { badField } from '../../common/errors.js';
import { isId } from '../../common/ids.js';
import { ConnectionType, decodeCursor, keysetPage, pageSize } from '../../common/pagination.js';
import { User } from '../identity/entities.js';

@ObjectType({ description: 'One change or login in the audit trail. Never altered or deleted.' })
@Entity({ name: 'audit_event' })
export class AuditEvent {
  @Field(() => ID)
  @PrimaryColumn({ type: 'bigint' })
  id: string;

  @Field(() => Date)
  @Column({ type: 'timestamptz' })
  at: Date;

  @Field(() => String, { description: 'E-mail of the user, token:<e-mail> for an API token, or system:… .' })
  @Column({ name: 'actor_label', type: 'text' })
  actorLabel: string;

  @Column({ name: 'actor_user_id', type: 'uuid', nullable: true })
  actorUserId: string | null;

  @Field(() => ID, { nullable: true })
  @Column({ name: 'actor_token_id', type: 'uuid', nullable: true })
  actorTokenId: string | null;

  @Field(() => String)
  @Column({ type: 'text' })
  action: string;

  @Field(() => String)
  @Column({ name: 'entity_type', type: 'text' })
  entityType: string;

  @Field(() => String, { nullable: true })
  @Column({ name: 'entity_id', type: 'text', nullable: true })
  entityId: string | null;

  @Field(() => JSONResolver, { nullable: true, description: 'Changed fields before the change.' })
  @Column({ type: 'jsonb', nullable: true })
  before: unknown;

  @Field(() => JSONResolver, { nullable: true, description: 'Changed fields after the change.' })
  @Column({ type: 'jsonb', nullable: true })
  after: unknown;

  @Field(() => String, { nullable: true })
  @Column({ name: 'request_id', type: 'text', nullable: true })
  requestId: string | null;
}

export const AuditEventConnection = ConnectionType(AuditEvent, 'AuditEvent');
export type AuditEventConnection = InstanceType<typeof AuditEventConnection>;

@InputType()
export class AuditEventFilter {
  @Field(() => ID, { nullable: true, description: 'Events by this user.' })
  actorId?: string | null;

  @Field(() => String, { nullable: true, description: 'Entity type, e.g. Provider, User, Program.' })
  entityType?: string | null;

  @Field(() => String, { nullable: true })
  entityId?: string | null;

  @Field(() => [String], { nullable: true, description: 'Actions, e.g. LOGIN_FAILED, PROVIDER_UPDATED.' })
  actions?: string[] | null;

  @Field(() => Date, { nullable: true })
  from?: Date | null;

  @Field(() => Date, { nullable: true })
  to?: Date | null;
}

@Resolver(() => AuditEvent)
export class AuditResolver {
  @Query(() => AuditEventConnection, { description: 'ADMIN and AUDITOR: the audit trail, newest first.' })
  async auditEvents(
    @Ctx() ctx: Context,
    @Arg('filter', () => AuditEventFilter, { nullable: true }) filter: AuditEventFilter | null,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ): Promise<AuditEventConnection> {
    await access.require(ctx, ['ADMIN', 'AUDITOR']);
    pageSize(first);
    decodeCursor(after, 1);
    if (filter?.actorId != null && !isId(filter.actorId)) throw badField('filter.actorId', 'Not a valid id');
    if (filter?.from && filter?.to && filter.from > filter.to) throw badField('filter.to', 'The end is before the start');
    const qb = ctx.em.getRepository(AuditEvent).createQueryBuilder('e');
    if (filter?.actorId) qb.andWhere('e.actor_user_id = :actor', { actor: filter.actorId });
    if (filter?.entityType) qb.andWhere('e.entity_type = :type', { type: filter.entityType });
    if (filter?.entityId) qb.andWhere('e.entity_id = :eid', { eid: filter.entityId });
    if (filter?.actions?.length) qb.andWhere('e.action IN (:...actions)', { actions: filter.actions });
    if (filter?.from) qb.andWhere('e.at >= :from', { from: filter.from });
    if (filter?.to) qb.andWhere('e.at <= :to', { to: filter.to });
    // Ids grow with time (an identity column): newest first, keyset on the id.
    return keysetPage(qb, { first, after, keys: ['e.id'], direction: 'DESC', keyOf: (e) => [String(e.id)] });
  }

  @FieldResolver(() => User, { nullable: true, description: 'The user who acted, when a user did.' })
  actor(@Root() event: AuditEvent, @Ctx() ctx: Context): Promise<User | null> | null {
    return event.actorUserId ? ctx.loaders.userById.load(event.actorUserId) : null;
  }
}

export const audit = { entities: [AuditEvent], resolvers: [AuditResolver] } as const;
