import { sql, type Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import { feedbackKeptUnder } from './feedback-inputs.js'
import { scopeMembersSql } from './index-scope.js'

/**
 * Whether motcua knows anything of the applicants' satisfaction with dossiers for the unit's
 * province by the period's end: some dossier of a unit under the same root carries a rating, or
 * the province keeps feedback (complaints name their dossier). Otherwise 5.4 is "chưa có dữ
 * liệu": counting every dossier on time as satisfied would invent the ratings nobody recorded.
 */
export async function dossierSatisfactionKeptUnder(db: Kysely<Database>, rootId: number, end: Date): Promise<boolean> {
  const { rows } = await sql<{ kept: boolean }>`
    select exists (
      select 1 from dossiers d
      join ${scopeMembersSql([rootId])} tree on tree.descendant_id = d.receiving_unit_id
      where d.rating is not null and d.received_at < ${end}
    ) as kept
  `.execute(db)
  return rows[0]?.kept === true || (await feedbackKeptUnder(db, rootId, end))
}

/** `dossierSatisfactionKeptUnder` at several period ends in one question, in their order. */
export async function dossierSatisfactionKeptAt(db: Kysely<Database>, rootId: number, ends: readonly Date[]): Promise<boolean[]> {
  const tree = scopeMembersSql([rootId])
  const { rows } = await sql<{ at: number; kept: boolean }>`
    select e.at::int as at,
      exists (select 1 from dossiers d join ${tree} tree on tree.descendant_id = d.receiving_unit_id where d.rating is not null and d.received_at < e.e)
      or exists (select 1 from feedback f join ${tree} tree on tree.descendant_id = f.unit_id where f.received_at < e.e) as kept
    from unnest(${ends.map((end) => end.toISOString())}::timestamptz[]) with ordinality as e(e, at)`.execute(db)
  const kept = new Map(rows.map((row) => [Number(row.at), row.kept === true]))
  return ends.map((_, i) => kept.get(i + 1) === true)
}
