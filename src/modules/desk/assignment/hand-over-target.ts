import type { Kysely } from 'kysely'
import type { Database } from '../../../db/schema.js'
import { resolveHandOver, type HandOverTarget } from './resolve-hand-over.js'

/** A step as the desk sends it: its type, and for a hand-over or an assignment whom it names. */
export interface NamingStep {
  type: string
  assignee?: string | undefined
  to_unit?: string | undefined
}

/** The recorded step's person and unit: resolved and checked for a hand-over or an assignment, nothing otherwise. */
export async function handOverTarget(
  db: Kysely<Database>,
  dossier: { deciding_unit_id: number; assigned_unit_code: string | null },
  body: NamingStep,
  actorUnitIds: ReadonlySet<number>,
): Promise<Partial<HandOverTarget>> {
  if (body.type === 'hand_over') return resolveHandOver(db, dossier, { assignee: body.assignee, unit: body.to_unit }, actorUnitIds)
  if (body.type === 'assign') return resolveHandOver(db, dossier, { assignee: body.assignee, unit: dossier.assigned_unit_code ?? undefined }, actorUnitIds)
  return {}
}
