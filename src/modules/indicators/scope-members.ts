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

/**
 * Whether dossier `d` counts in a scope by one of its unit columns, split units included: by its
 * unit as `scopeMemberIds` says — except a dossier of a split unit that dossier_heirs sends to
 * another successor than the first named (migration 027): that one counts where that successor's
 * history counts, and still in its own unit and the units above it.
 */
export function dossierInScope(column: RawBuilder<unknown>, unitId: number, own: boolean): RawBuilder<boolean> {
  const members = scopeMemberIds(unitId, own)
  const subtree = own ? sql`select ${unitId}::integer` : sql`select c.descendant_id from unit_closure c where c.ancestor_id = ${unitId}::integer`
  return sql<boolean>`(
    (${column} in (${members}) and not exists (
      select 1 from dossier_heirs dh where dh.dossier_id = d.id and dh.unit_id = ${column}
        and dh.heir_id not in (${members}) and ${column} not in (${subtree})))
    or exists (select 1 from dossier_heirs dh where dh.dossier_id = d.id and dh.unit_id = ${column} and dh.heir_id in (${members})))`
}
