import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Role } from './enums.js';

@ObjectType({ description: 'A person who logs in to Insyn.' })
@Entity({ name: 'app_user' })
export class User {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => String)
  @Column({ type: 'text' })
  email: string;

  @Field(() => String)
  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'password_hash', type: 'text', nullable: true, select: false })
  passwordHash: string | null;

  @Field(() => [Role])
  @Column({ type: 'text', array: true })
  roles: Role[];

  @Column({ name: 'provider_id', type: 'uuid', nullable: true })
  providerId: string | null;

  @Field(() => Boolean, { description: 'A deactivated user cannot log in; users are never deleted.' })
  @Column({ type: 'boolean' })
  active: boolean;

  @Field(() => Boolean)
  @Column({ name: 'must_change_password', type: 'boolean' })
  mustChangePassword: boolean;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'last_login_at', type: 'timestamptz', nullable: true })
  lastLoginAt: Date | null;

  @Field(() => Date)
  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Field(() => Int, { description: 'Version for optimistic locking: send it back with updateUser.' })
  @Column({ type: 'integer' })
  version: number;
}

@ObjectType({ description: 'An API token for BI tools. The token text itself is shown only once, at creation.' })
@Entity({ name: 'api_token' })
export class ApiToken {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => String)
  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'token_hash', type: 'text', select: false })
  tokenHash: string;

  @Column({ name: 'owner_id', type: 'uuid' })
  ownerId: string;

  @Field(() => [Role])
  @Column({ type: 'text', array: true })
  roles: Role[];

  @Column({ name: 'created_by', type: 'uuid' })
  createdById: string;

  @Field(() => Date)
  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'expires_at', type: 'timestamptz', nullable: true })
  expiresAt: Date | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'last_used_at', type: 'timestamptz', nullable: true })
  lastUsedAt: Date | null;
}
