import { sql, type RawBuilder } from 'kysely'
import type { LocalDate } from '../../domain/time/local-date.js'

/**
 * The units whose dossiers a scope counts. History rolls into today's units: a unit counts its
 * own dossiers and those of every unit it succeeded, transitively (unit_heirs); a subtree counts
 * them for every unit below too. DISTINCT, so a unit reached both through the tree and through a
 * successor link (a merged commune under the same province) is counted once.
 */
export function scopeMemberIds(unitId: number, own: boolean): RawBuilder<unknown> {
  return own
    ? sql`select h.unit_id from unit_heirs h where h.heir_id = ${unitId}::integer`
    : sql`select distinct h.unit_id from unit_closure c join unit_heirs h on h.heir_id = c.descendant_id where c.ancestor_id = ${unitId}::integer`
}

/**
 * `heir_id`: the unit a unit had become on that day — the first along its successor chain that
 * existed then, or the unit itself. Communes are counted by it (ecert_units), so four communes
 * merged into one count once in the tree of a day after the merger, and four times before it.
 */
export function heirOnDay(unitId: RawBuilder<unknown>, day: LocalDate): RawBuilder<unknown> {
  return sql`select coalesce((
      select h.heir_id from unit_heirs h join units heir_unit on heir_unit.id = h.heir_id
      where h.unit_id = ${unitId} and (heir_unit.valid_from is null or heir_unit.valid_from <= ${day}::date) and (heir_unit.valid_to is null or heir_unit.valid_to >= ${day}::date)
      order by h.depth limit 1), ${unitId}) as heir_id`
}
