import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import { writeAudit } from '../audit/write-audit.js'
import type { Actor } from './actor.js'
import { revokeAllSessions, revokeSession } from './sessions.js'

/** Logging out ends this session; the revocation and its audit row commit together. */
export async function logout(db: Kysely<Database>, actor: Actor, ip: string | null): Promise<void> {
  await db.transaction().execute(async (trx) => {
    if (actor.sessionId) await revokeSession(trx, actor.sessionId)
    await writeAudit(trx, { actor: actor.label, ip, action: 'user.logout', entity: 'user', entityId: String(actor.id) })
  })
}

/** "Log out everywhere": every session of the official ends (a token has none); returns how many. */
export async function logoutEverywhere(db: Kysely<Database>, actor: Actor, ip: string | null): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const sessions = actor.kind === 'user' ? await revokeAllSessions(trx, actor.id) : 0
    await writeAudit(trx, { actor: actor.label, ip, action: 'user.logout_everywhere', entity: 'user', entityId: String(actor.id), summary: { sessions } })
    return sessions
  })
}
