import { Arg, Ctx, Field, ID, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Context } from '../../app/context.js';
import { access } from '../../common/access.js';
import { recordAudit } from '../../common/audit.js';
import { badField } from '../../common/errors.js';
import { isId } from '../../common/ids.js';
import { ConnectionType, keysetPage } from '../../common/pagination.js';
import { NOTIFICATION_KINDS, REQUIRED_EMAIL, type NotificationKind } from './texts.js';

@ObjectType({ description: 'A message to one user, shown in the app (and sent by e-mail when they want it).' })
@Entity({ name: 'notification' })
export class Notification {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Field(() => String)
  @Column({ type: 'text' })
  kind: string;

  @Field(() => ID, { nullable: true })
  @Column({ name: 'report_id', type: 'uuid', nullable: true })
  reportId: string | null;

  @Field(() => String)
  @Column({ type: 'text' })
  title: string;

  @Field(() => String)
  @Column({ type: 'text' })
  body: string;

  @Field(() => String, { description: 'Path in the app, e.g. /rapporter/<id>.' })
  @Column({ type: 'text' })
  link: string;

  @Field(() => Date)
  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  readAt: Date | null;
}

export const NotificationConnection = ConnectionType(Notification, 'Notification');
export type NotificationConnection = InstanceType<typeof NotificationConnection>;

@ObjectType({ description: 'Whether the user gets e-mail of one kind.' })
class NotificationPreference {
  @Field(() => String)
  kind: string;

  @Field(() => Boolean)
  email: boolean;

  @Field(() => Boolean, { description: 'E-mail that cannot be turned off.' })
  required: boolean;
}

@Resolver()
export class NotificationResolver {
  @Query(() => NotificationConnection, { description: 'Your notifications, newest first.' })
  async notifications(
    @Ctx() ctx: Context,
    @Arg('unreadOnly', () => Boolean, { defaultValue: false }) unreadOnly: boolean,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ): Promise<NotificationConnection> {
    const viewer = await access.requireSession(ctx);
    const qb = ctx.em.getRepository(Notification).createQueryBuilder('n').where('n.user_id = :me', { me: viewer.userId });
    if (unreadOnly) qb.andWhere('n.read_at IS NULL');
    return keysetPage(qb, {
      first,
      after,
      // Millisecond precision, as the cursor carries it.
      keys: [`date_trunc('milliseconds', n.created_at)`, 'n.id'],
      direction: 'DESC',
      keyOf: (n) => [new Date(n.createdAt).toISOString(), n.id],
    });
  }

  @Query(() => Int, { description: 'How many of your notifications are unread.' })
  async unreadNotificationCount(@Ctx() ctx: Context): Promise<number> {
    const viewer = await ctx.auth.viewer();
    if (!viewer || viewer.kind !== 'USER') return 0;
    const [{ n }] = await ctx.em.query('SELECT count(*)::int AS n FROM notification WHERE user_id = $1 AND read_at IS NULL', [viewer.userId]);
    return n;
  }

  @Mutation(() => Int, { description: 'Marks your notifications read (the given ones, or all); returns how many changed.' })
  async markNotificationsRead(
    @Ctx() ctx: Context,
    @Arg('ids', () => [ID], { nullable: true }) ids: string[] | null,
  ): Promise<number> {
    const viewer = await access.requireSession(ctx);
    if (ids?.some((id) => !isId(id))) throw badField('ids', 'Not a valid id');
    return ctx.em.transaction(async (em) => {
      const res: [{ id: string }[], number] = await em.query(
        `UPDATE notification SET read_at = now() WHERE user_id = $1 AND read_at IS NULL AND ($2::uuid[] IS NULL OR id = ANY($2)) RETURNING id`,
        [viewer.userId, ids],
      );
      if (res[1] > 0) {
        await recordAudit(em, ctx, {
          action: 'NOTIFICATIONS_READ',
          entityType: 'User',
          entityId: viewer.userId,
          after: { notificationIds: res[0].map((r) => r.id) },
        });
      }
      return res[1];
    });
  }

  @Query(() => [NotificationPreference], { description: 'Which e-mail you get.' })
  async notificationPreferences(@Ctx() ctx: Context): Promise<NotificationPreference[]> {
    const viewer = await access.requireSession(ctx);
    const rows: { kind: string; email: boolean }[] = await ctx.em.query('SELECT kind, email FROM notification_preference WHERE user_id = $1', [
      viewer.userId,
    ]);
    return NOTIFICATION_KINDS.map((kind) => ({
      kind,
      required: REQUIRED_EMAIL.includes(kind),
      email: REQUIRED_EMAIL.includes(kind) || (rows.find((r) => r.kind === kind)?.email ?? true),
    }));
  }

  @Mutation(() => Boolean, { description: 'Turns one kind of e-mail on or off (not the required ones).' })
  async setNotificationPreference(
    @Ctx() ctx: Context,
    @Arg('kind', () => String) kind: string,
    @Arg('email', () => Boolean) email: boolean,
  ): Promise<boolean> {
    const viewer = await access.requireSession(ctx);
    if (!NOTIFICATION_KINDS.includes(kind as NotificationKind)) throw badField('kind', 'No such kind of notification');
    if (REQUIRED_EMAIL.includes(kind as NotificationKind) && !email) throw badField('kind', 'This e-mail cannot be turned off');
    await ctx.em.transaction(async (em) => {
      await em.query(
        `INSERT INTO notification_preference (user_id, kind, email) VALUES ($1, $2, $3)
         ON CONFLICT (user_id, kind) DO UPDATE SET email = EXCLUDED.email`,
        [viewer.userId, kind, email],
      );
      await recordAudit(em, ctx, { action: 'NOTIFICATION_PREFERENCE_SET', entityType: 'User', entityId: viewer.userId, after: { kind, email } });
    });
    return true;
  }

  @Mutation(() => Boolean, { description: 'Your language for e-mail and notifications: sv or en.' })
  async setLanguage(@Ctx() ctx: Context, @Arg('language', () => String) language: string): Promise<boolean> {
    const viewer = await access.requireSession(ctx);
    if (language !== 'sv' && language !== 'en') throw badField('language', 'Choose sv or en');
    await ctx.em.transaction(async (em) => {
      const [before] = await em.query('SELECT language FROM app_user WHERE id = $1 FOR UPDATE', [viewer.userId]);
      if (before.language === language) return;
      await em.query('UPDATE app_user SET language = $2 WHERE id = $1', [viewer.userId, language]);
      await recordAudit(em, ctx, {
        action: 'LANGUAGE_SET',
        entityType: 'User',
        entityId: viewer.userId,
        before: { language: before.language },
        after: { language },
      });
    });
    return true;
  }
}

export const notifications = { entities: [Notification], resolvers: [NotificationResolver] } as const;
