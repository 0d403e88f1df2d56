import type { Kysely } from 'kysely'
import type { Database } from '../../../db/schema.js'

/** A unit a dossier can be handed to, with the specialists who can take it there. */
export interface HandOverUnit {
  code: string
  name: string
  specialists: { username: string; display_name: string }[]
}

/** Where a dossier may go: a unit the actor reaches, or the unit that decides it. */
export function mayReceiveHandOver(unitId: number, dossier: { deciding_unit_id: number }, actorUnitIds: ReadonlySet<number>): boolean {
  return actorUnitIds.has(unitId) || unitId === dossier.deciding_unit_id
}

/**
 * The hand-over choices of a dossier: the units it may go to that hold active specialist
 * accounts (and the deciding unit in any case, to be assigned there later), each with its
 * specialists, the receiving unit first.
 */
export async function handOverOptions(db: Kysely<Database>, dossier: { receiving_unit_id: number; deciding_unit_id: number }, actorUnitIds: ReadonlySet<number>): Promise<HandOverUnit[]> {
  const reachable = [...actorUnitIds, dossier.deciding_unit_id]
  const rows = await db
    .selectFrom('units as u')
    .leftJoin('users as s', (join) => join.onRef('s.unit_id', '=', 'u.id').on('s.role', '=', 'specialist').on('s.active', '=', true))
    .select(['u.id', 'u.code', 'u.name', 's.username', 's.display_name'])
    .where('u.id', 'in', reachable)
    .where((eb) => eb.or([eb('s.id', 'is not', null), eb('u.id', '=', dossier.deciding_unit_id)]))
    .orderBy('u.code')
    .orderBy('s.display_name')
    .orderBy('s.username')
    .execute()
  const units = new Map<number, HandOverUnit>()
  for (const row of rows) {
    const unit = units.get(row.id) ?? { code: row.code, name: row.name, specialists: [] }
    if (row.username !== null && row.display_name !== null) unit.specialists.push({ username: row.username, display_name: row.display_name })
    units.set(row.id, unit)
  }
  const first = units.get(dossier.receiving_unit_id)
  return first ? [first, ...[...units.entries()].filter(([id]) => id !== dossier.receiving_unit_id).map(([, u]) => u)] : [...units.values()]
}
