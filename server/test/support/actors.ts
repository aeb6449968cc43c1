import { luhnCheckDigit } from '@insyn/shared';
import type { Client, TestApp } from './app.js';

/** Who asks, in the access tests: the demo users, a BI tool with an API token, and nobody. */
export const ACTORS = ['anonymous', 'ADMIN', 'REVIEWER', 'PROVIDER', 'OTHER_PROVIDER', 'AUDITOR', 'ANALYST', 'ANALYST_TOKEN'] as const;
export type Actor = (typeof ACTORS)[number];

/** The demo user behind each actor (the token belongs to the analyst). */
export const DEMO_EMAIL: Record<Exclude<Actor, 'anonymous'>, string> = {
  ADMIN: 'admin@insyn.example',
  REVIEWER: 'reviewer@insyn.example',
  PROVIDER: 'provider.private@insyn.example', // Jämtvård Hälsocentraler AB
  OTHER_PROVIDER: 'provider.inhouse@insyn.example', // Primärvården Region Jämtland Härjedalen
  AUDITOR: 'auditor@insyn.example',
  ANALYST: 'analyst@insyn.example',
  ANALYST_TOKEN: 'analyst@insyn.example',
};

export interface Actors {
  clients: Record<Actor, Client>;
  /** The user id behind each actor (null for anonymous). */
  userIds: Record<Actor, string | null>;
  /** The analyst's API token text, for new clients. */
  analystToken: string;
  /** A new client for the actor: a new login (its own session) or a new bearer client. */
  fresh(actor: Actor): Promise<Client>;
}

/** Logs in every demo user once and creates the analyst's API token. */
export async function loginActors(app: TestApp): Promise<Actors> {
  const ids = new Map<string, string>(
    (await app.ds.query(`SELECT email, id FROM app_user`)).map((r: { email: string; id: string }) => [r.email, r.id]),
  );
  const clients = { anonymous: app.client() } as Record<Actor, Client>;
  for (const actor of ACTORS) {
    if (actor !== 'anonymous' && actor !== 'ANALYST_TOKEN') clients[actor] = await app.login(DEMO_EMAIL[actor]);
  }
  const created = await clients.ANALYST.gql(`mutation { createApiToken(name: "Access tests BI") { token } }`);
  if (created.errors) throw new Error(JSON.stringify(created.errors));
  const analystToken: string = created.data!.createApiToken.token;
  clients.ANALYST_TOKEN = app.client({ token: analystToken });
  const userIds = Object.fromEntries(ACTORS.map((a) => [a, a === 'anonymous' ? null : ids.get(DEMO_EMAIL[a])!])) as Record<Actor, string | null>;
  return {
    clients,
    userIds,
    analystToken,
    async fresh(actor) {
      if (actor === 'anonymous') return app.client();
      if (actor === 'ANALYST_TOKEN') return app.client({ token: analystToken });
      return app.login(DEMO_EMAIL[actor]);
    },
  };
}

/** A valid organisationsnummer (Luhn check digit) that no demo provider has. */
export function orgNumber(n: number): string {
  const nine = `55990${String(n).padStart(4, '0')}`;
  return `${nine.slice(0, 6)}-${nine.slice(6)}${luhnCheckDigit(nine)}`;
}

/** Audit rows written for one request, oldest first. */
export function auditRowsOf(app: TestApp, requestId: string | null): Promise<AuditRow[]> {
  return app.ds.query(
    `SELECT action, entity_type, entity_id, actor_user_id, actor_token_id, actor_label, before, after, request_id
     FROM audit_event WHERE request_id = $1 ORDER BY id`,
    [requestId],
  );
}

export interface AuditRow {
  action: string;
  entity_type: string;
  entity_id: string | null;
  actor_user_id: string | null;
  actor_token_id: string | null;
  actor_label: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  request_id: string;
}

/** The request id the server gave the client's last response. */
export function requestIdOf(client: Client): string {
  const id = client.last?.headers.get('x-request-id');
  if (!id) throw new Error('the response had no x-request-id');
  return id;
}
