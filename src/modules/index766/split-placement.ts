import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import { scopeMemberUnitIds } from './index-scope.js'

/**
 * The scopes a split unit's shared dossiers count in, for the JavaScript reference
 * (dossier-history-inputs.ts), by the rule of `dossierInScope` (indicators): a dossier that
 * dossier_heirs names to another successor than the first counts where that successor's history
 * counts, and still in its own unit and the units above it.
 */
export interface SplitPlacement {
  /** The successor the dossier is named to by this split unit, if any. */
  heirOf(dossierId: string, unitId: number): number | undefined
  /** The scopes a dossier of `unitId` named to `heirId` counts in. */
  scopesOf(unitId: number, heirId: number): number[]
}

/** Null when no dossier_heirs row concerns the scopes' members: then every dossier follows its unit. */
export async function splitPlacement(db: Kysely<Database>, scopeIds: readonly number[], members: readonly { ancestor_id: number; descendant_id: number }[]): Promise<SplitPlacement | null> {
  if (scopeIds.length === 0) return null
  const shares = await db
    .selectFrom('dossier_heirs')
    .where((eb) => eb.or([eb('unit_id', 'in', scopeMemberUnitIds(db, scopeIds)), eb('heir_id', 'in', scopeMemberUnitIds(db, scopeIds))]))
    .select(['dossier_id', 'unit_id', 'heir_id'])
    .execute()
  if (shares.length === 0) return null
  const heirs = new Map(shares.map((s) => [`${s.dossier_id}:${s.unit_id}`, Number(s.heir_id)]))
  const subtree = await db.selectFrom('unit_closure').where('ancestor_id', 'in', [...scopeIds]).select(['ancestor_id', 'descendant_id']).execute()
  const pair = (scopeId: number, unitId: number) => `${scopeId}:${unitId}`
  const memberPairs = new Set(members.map((m) => pair(Number(m.ancestor_id), Number(m.descendant_id))))
  const subtreePairs = new Set(subtree.map((c) => pair(Number(c.ancestor_id), Number(c.descendant_id))))
  return {
    heirOf: (dossierId, unitId) => heirs.get(`${dossierId}:${unitId}`),
    scopesOf: (unitId, heirId) =>
      scopeIds.filter((scopeId) => {
        const heirCounts = memberPairs.has(pair(scopeId, heirId))
        const unitCounts = memberPairs.has(pair(scopeId, unitId)) && (subtreePairs.has(pair(scopeId, unitId)) || heirCounts)
        return unitCounts || heirCounts
      }),
  }
}
