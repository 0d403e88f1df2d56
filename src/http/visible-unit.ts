import type { FastifyRequest } from 'fastify'
import type { Kysely } from 'kysely'
import type { Database, UnitRow } from '../db/schema.js'
import { assertUnitVisible } from '../modules/accounts/actor.js'
import { actorOf } from './plugins/authentication.js'
import { getUnitByCode } from '../modules/units/units.repository.js'

/** The unit a request asks about, if the caller may see it; otherwise "no such unit" (404). */
export async function visibleUnit(db: Kysely<Database>, request: FastifyRequest, code: string): Promise<UnitRow> {
  // Outside a transaction, from the memory kept under the access version the actor was read at.
  const unit = request.accessVersion !== null && !db.isTransaction ? await request.server.accessCache.unitByCode(db, code, request.accessVersion) : await getUnitByCode(db, code)
  assertUnitVisible(actorOf(request), unit.id, code)
  return unit
}
