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

/** The actor behind a session cookie, or null for an unknown, expired, revoked or disabled one. */
export async function actorFromSession(db: Kysely<Database>, token: string): Promise<Actor | null> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['sessions.id as session_id', 'sessions.csrf_token', 'sessions.expires_at', 'sessions.revoked_at', 'sessions.last_seen_at', 'users.id', 'users.username', 'users.unit_id', 'users.role', 'users.active'])
    .where('sessions.id', '=', sha256(token))
    .executeTakeFirst()
  if (!row || row.revoked_at !== null || row.expires_at < new Date() || !row.active) return null
  // Written at most once a minute: a durable write on every request of a busy dashboard would
  // cost more than the request itself, and a minute is all "last seen" needs to say.
  // The condition is repeated in SQL: requests of one session arriving together write it once.
  const now = new Date()
  const due = new Date(now.getTime() - LAST_SEEN_PRECISION_MS)
  if (new Date(row.last_seen_at) <= due) {
    await db.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', row.session_id).where('last_seen_at', '<=', due).execute()
  }
  return {
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
}

export async function revokeSession(db: Kysely<Database> | Transaction<Database>, sessionId: string): Promise<void> {
  await db.updateTable('sessions').set({ revoked_at: new Date() }).where('id', '=', sessionId).where('revoked_at', 'is', null).execute()
}

/** "Log out everywhere": every session of the user ends. */
export async function revokeAllSessions(db: Kysely<Database> | Transaction<Database>, userId: number): Promise<number> {
  const result = await db.updateTable('sessions').set({ revoked_at: new Date() }).where('user_id', '=', userId).where('revoked_at', 'is', null).executeTakeFirst()
  return Number(result.numUpdatedRows)
}
