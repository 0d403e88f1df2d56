import type { Kysely } from 'kysely'
import type { Database, UnitRow } from '../../db/schema.js'
import { VersionedMemo } from '../figure-cache/versioned-memo.js'
import { getUnitByCode } from '../units/units.repository.js'
import type { Actor } from './actor.js'
import { loadSessionActor, noteSessionSeen, sha256, type SessionActor } from './sessions.js'

/**
 * What a request's access check reads, kept in memory under the access version (migration 024):
 * a session's actor (its account, role and the units it sees) and the units asked about by code.
 * A logout, a password, role or account change, a unit moved — each bumps the version in its own
 * transaction, so the next request reads afresh; expiry is checked on every request.
 */
export class AccessCache {
  private readonly sessions: VersionedMemo<SessionActor>
  private readonly units: VersionedMemo<UnitRow>

  constructor(maxEntries = 10_000) {
    this.sessions = new VersionedMemo(maxEntries)
    this.units = new VersionedMemo(maxEntries)
  }

  /** The actor of a session cookie at `version`, or null for an unknown, expired, ended or disabled one. */
  async actorOfSession(db: Kysely<Database>, token: string, version: number): Promise<Actor | null> {
    const id = sha256(token)
    let session = this.sessions.get(version, id)
    if (!session) {
      // Not kept when not live: a session created later under the same version is read afresh.
      const loaded = await loadSessionActor(db, id)
      if (!loaded) return null
      this.sessions.set(version, id, loaded)
      session = loaded
    }
    if (session.expiresAt <= new Date()) return null
    await noteSessionSeen(db, session)
    return session.actor
  }

  /** The unit of this code at `version` (404 in Vietnamese when there is none; not kept). */
  async unitByCode(db: Kysely<Database>, code: string, version: number): Promise<UnitRow> {
    const known = this.units.get(version, code)
    if (known) return known
    const unit = await getUnitByCode(db, code)
    this.units.set(version, code, unit)
    return unit
  }
}
