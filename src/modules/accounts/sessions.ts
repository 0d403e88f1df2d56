import { createHash, randomBytes } from 'node:crypto'
import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../db/schema.js'
import type { Role } from '../../domain/accounts/role.js'
import type { Actor } from './actor.js'
import { isRootUnit, subtreeOf } from '../units/units.repository.js'

export const SESSION_COOKIE = 'motcua_session'
/** A working day and a half: officials log in each morning. */
export const SESSION_HOURS = 12

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex')
}

export interface NewSession {
  token: string
  csrfToken: string
  expiresAt: Date
}

export async function createSession(db: Kysely<Database>, userId: number, meta: { ip: string | null; userAgent: string | null }): Promise<NewSession> {
  const token = randomBytes(32).toString('base64url')
  const csrfToken = randomBytes(24).toString('base64url')
  const expiresAt = new Date(Date.now() + SESSION_HOURS * 3600_000)
  await db
    .insertInto('sessions')
    .values({ id: sha256(token), user_id: userId, csrf_token: csrfToken, expires_at: expiresAt, ip: meta.ip, user_agent: meta.userAgent?.slice(0, 300) ?? null })
    .execute()
  return { token, csrfToken, expiresAt }
}

const LAST_SEEN_PRECISION_MS = 60_000

/** A live session's actor, as loaded from the database, with what each request checks again. */
export interface SessionActor {
  /** The session's id: the token's hash. */
  id: string
  actor: Actor
  expiresAt: Date
  /** When the session was last marked as seen (kept up to date by `noteSessionSeen`). */
  lastSeenAt: Date
}

/** The actor behind a session cookie, or null for an unknown, expired, revoked or disabled one. */
export async function actorFromSession(db: Kysely<Database>, token: string): Promise<Actor | null> {
  const session = await loadSessionActor(db, sha256(token))
  if (!session) return null
  await noteSessionSeen(db, session)
  return session.actor
}

/** The session of this id (the token's hash) with its actor, or null if it is not live. */
export async function loadSessionActor(db: Kysely<Database>, sessionId: string): Promise<SessionActor | null> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['sessions.id as session_id', 'sessions.csrf_token', 'sessions.expires_at', 'sessions.revoked_at', 'sessions.last_seen_at', 'users.id', 'users.username', 'users.unit_id', 'users.role', 'users.active'])
    .where('sessions.id', '=', sessionId)
    .executeTakeFirst()
  if (!row || row.revoked_at !== null || row.expires_at < new Date() || !row.active) return null
  const actor: Actor = {
    kind: 'user',
    id: row.id,
    name: row.username,
    unitId: row.unit_id,
    role: row.role as Role,
    tokenScopes: null,
    unitIds: await subtreeOf(db, row.unit_id),
    atRoot: await isRootUnit(db, row.unit_id),
    label: `user:${row.username}`,
    sessionId: row.session_id,
    csrfToken: row.csrf_token,
  }
  return { id: row.session_id, actor, expiresAt: new Date(row.expires_at), lastSeenAt: new Date(row.last_seen_at) }
}

/**
 * Marks the session as seen now, at most once a minute: a durable write on every request of a
 * busy dashboard would cost more than the request itself, and a minute is all "last seen" needs
 * to say. The condition is repeated in SQL: requests of one session arriving together write it once.
 */
export async function noteSessionSeen(db: Kysely<Database>, session: SessionActor): Promise<void> {
  const now = new Date()
  const due = new Date(now.getTime() - LAST_SEEN_PRECISION_MS)
  if (session.lastSeenAt > due) return
  session.lastSeenAt = now
  await db.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', session.id).where('last_seen_at', '<=', due).execute()
}

export async function revokeSession(db: Kysely<Database> | Transaction<Database>, sessionId: string): Promise<void> {
  await db.updateTable('sessions').set({ revoked_at: new Date() }).where('id', '=', sessionId).where('revoked_at', 'is', null).execute()
}

/** "Log out everywhere": every session of the user ends. */
export async function revokeAllSessions(db: Kysely<Database> | Transaction<Database>, userId: number): Promise<number> {
  const result = await db.updateTable('sessions').set({ revoked_at: new Date() }).where('user_id', '=', userId).where('revoked_at', 'is', null).executeTakeFirst()
  return Number(result.numUpdatedRows)
}
