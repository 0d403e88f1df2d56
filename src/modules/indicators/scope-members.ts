import { sql, type RawBuilder } from 'kysely'

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
