import { sql, type RawBuilder } from 'kysely'
import { scopeMembersSql } from './index-scope.js'

/*
 * Which dossiers feed a scored unit (a scope), as SQL: one seam for the set-wise Decision 766
 * inputs. A scope's members are its subtree and every unit those succeeded (index-scope.ts); a
 * dossier belongs to them by its receiving unit, or — for processing and lateness asked by the
 * decider — by its deciding unit.
 */

/** The dossier column that places a dossier in a scope. */
export type DossierUnitColumn = 'receiving_unit_id' | 'deciding_unit_id'

/** `from` items joining the dossiers `d` to the scopes they count in, as `scope.scope_id`. */
export function dossierScopesJoin(scopeIds: readonly number[], unitColumn: DossierUnitColumn = 'receiving_unit_id'): RawBuilder<unknown> {
  return sql`join (select m.ancestor_id as scope_id, m.descendant_id as unit_id from ${scopeMembersSql(scopeIds)} m) scope on scope.unit_id = ${sql.ref(`d.${unitColumn}`)}`
}

/** A condition: dossier `d` counts in at least one of the scopes. */
export function inAnyScope(scopeIds: readonly number[], unitColumn: DossierUnitColumn = 'receiving_unit_id'): RawBuilder<boolean> {
  return sql<boolean>`${sql.ref(`d.${unitColumn}`)} in (select m.descendant_id from ${scopeMembersSql(scopeIds)} m)`
}
