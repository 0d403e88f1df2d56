import { sql, type Kysely, type RawBuilder } from 'kysely'
import type { Database } from '../../db/schema.js'
import { scopeMembersSql } from './index-scope.js'

/*
 * Which dossiers feed a scored unit (a scope), as SQL: one seam for the set-wise Decision 766
 * inputs. A scope's members are its subtree and every unit those succeeded (index-scope.ts); a
 * dossier belongs to them by its receiving unit, or — for processing and lateness asked by the
 * decider — by its deciding unit. A split unit's dossier that dossier_heirs names to another
 * successor than the first (migration 027) counts where that successor's history counts, and
 * still in its own unit and the units above it — as `dossierInScope` (indicators) counts it.
 */

/** The dossier column that places a dossier in a scope. */
export type DossierUnitColumn = 'receiving_unit_id' | 'deciding_unit_id'

/** The scopes of one question, and whether a split unit's dossiers shared among its successors concern them. */
export interface DossierScopes {
  readonly scopeIds: readonly number[]
  readonly splitShares: boolean
}

/**
 * The scopes, asked once whether any dossier_heirs row concerns their members (as the split
 * unit or as the successor): it is empty unless a unit was split, and the plain join — the
 * common, measured path — serves otherwise.
 */
export async function dossierScopes(db: Kysely<Database>, scopeIds: readonly number[]): Promise<DossierScopes> {
  if (scopeIds.length === 0) return { scopeIds, splitShares: false }
  const members = scopeMembersSql(scopeIds)
  const { rows } = await sql<{ concerned: boolean }>`
    select exists (select 1 from dossier_heirs dh
      where dh.unit_id in (select m.descendant_id from ${members} m) or dh.heir_id in (select m.descendant_id from ${members} m)) as concerned`.execute(db)
  return { scopeIds, splitShares: rows[0]?.concerned === true }
}

/** The successor dossier_heirs names dossier `d` to, by the split unit in `unitColumn`: a `from` item and the column (null when none). */
export function dossierShare(scopes: DossierScopes, unitColumn: DossierUnitColumn = 'receiving_unit_id'): { join: RawBuilder<unknown>; heirId: RawBuilder<unknown> } {
  if (!scopes.splitShares) return { join: sql``, heirId: sql`null::integer` }
  return {
    join: sql`left join dossier_heirs split_share on split_share.dossier_id = d.id and split_share.unit_id = ${sql.ref(`d.${unitColumn}`)}`,
    heirId: sql`split_share.heir_id`,
  }
}

/**
 * `from` items joining rows placed by a unit and the successor a split named them to (null for
 * all but a split unit's shared dossiers) to the scopes they count in, as `scope.scope_id`, once
 * each. Such a row counts by its unit where its unit lies in the scope's subtree or the successor
 * is a member, and by the successor where its unit is not a member.
 */
export function placementScopesJoin(scopes: DossierScopes, unitId: RawBuilder<unknown>, heirId: RawBuilder<unknown>): RawBuilder<unknown> {
  const members = scopeMembersSql(scopes.scopeIds)
  const memberScopes = sql`(select m.ancestor_id as scope_id, m.descendant_id as unit_id from ${members} m)`
  if (!scopes.splitShares) return sql`join ${memberScopes} scope on scope.unit_id = ${unitId}`
  // Joined on equality (by unit, then by successor) so the member table is hashed, not scanned per row.
  return sql`cross join lateral (values (${unitId}, false), (${heirId}, true)) placed(unit_id, by_heir)
    join ${memberScopes} scope on scope.unit_id = placed.unit_id and case
      when placed.by_heir then (scope.scope_id, ${unitId}) not in (select m.ancestor_id, m.descendant_id from ${members} m)
      else ${heirId} is null
        or (scope.scope_id, ${unitId}) in (select c.ancestor_id, c.descendant_id from unit_closure c where c.ancestor_id in (${sql.join([...scopes.scopeIds])}))
        or (scope.scope_id, ${heirId}) in (select m.ancestor_id, m.descendant_id from ${members} m)
      end`
}

/** `from` items joining the dossiers `d` to the scopes they count in, as `scope.scope_id`. */
export function dossierScopesJoin(scopes: DossierScopes, unitColumn: DossierUnitColumn = 'receiving_unit_id'): RawBuilder<unknown> {
  const share = dossierShare(scopes, unitColumn)
  return sql`${share.join} ${placementScopesJoin(scopes, sql.ref(`d.${unitColumn}`), share.heirId)}`
}

/**
 * A condition: dossier `d` may count in one of the scopes — exactly when no split concerns them;
 * with one, also a split unit's dossier named to another successor, which the join then places.
 */
export function inAnyScope(scopes: DossierScopes, unitColumn: DossierUnitColumn = 'receiving_unit_id'): RawBuilder<boolean> {
  const column = sql.ref(`d.${unitColumn}`)
  const memberUnits = sql`select m.descendant_id from ${scopeMembersSql(scopes.scopeIds)} m`
  if (!scopes.splitShares) return sql<boolean>`${column} in (${memberUnits})`
  return sql<boolean>`(${column} in (${memberUnits})
    or exists (select 1 from dossier_heirs dh where dh.dossier_id = d.id and dh.unit_id = ${column} and dh.heir_id in (${memberUnits})))`
}
