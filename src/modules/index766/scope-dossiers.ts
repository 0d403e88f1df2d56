import { sql, type RawBuilder } from 'kysely'

/*
 * Which dossiers feed a scored unit (a scope), as SQL: one seam, so a change of attribution
 * (heirs of reorganised units, receiving or deciding unit) is made here once for the set-wise
 * Decision 766 inputs. Today: the dossiers received by the unit or any unit below it.
 */

/** `from` items joining the dossiers `d` to the scopes they count in, as `scope.scope_id`. */
export function dossierScopesJoin(scopeIds: readonly number[]): RawBuilder<unknown> {
  return sql`join (select c.ancestor_id as scope_id, c.descendant_id as unit_id from unit_closure c where c.ancestor_id in (${sql.join(scopeIds)})) scope on scope.unit_id = d.receiving_unit_id`
}

/** A condition: dossier `d` counts in at least one of the scopes. */
export function inAnyScope(scopeIds: readonly number[]): RawBuilder<boolean> {
  return sql<boolean>`d.receiving_unit_id in (select c.descendant_id from unit_closure c where c.ancestor_id in (${sql.join(scopeIds)}))`
}
