import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'

/** Each scope's root unit (its province): what is "kept" (ratings, feedback) is judged per root. */
export async function rootOfEach(db: Kysely<Database>, scopeIds: readonly number[]): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom('unit_closure as c')
    .innerJoin('units as u', 'u.id', 'c.ancestor_id')
    .where('c.descendant_id', 'in', scopeIds)
    .where('u.parent_id', 'is', null)
    .select(['c.descendant_id as scope_id', 'c.ancestor_id as root_id'])
    .execute()
  return new Map(rows.map((row) => [Number(row.scope_id), Number(row.root_id)]))
}

/** Scopes grouped by their root, so a question about the root is asked once per root. */
export async function byRoot<T>(db: Kysely<Database>, scopeIds: readonly number[], ask: (rootId: number) => Promise<T>): Promise<Map<number, T>> {
  const roots = await rootOfEach(db, scopeIds)
  const answers = new Map<number, T>()
  const result = new Map<number, T>()
  for (const scopeId of scopeIds) {
    const root = roots.get(scopeId)
    if (root === undefined) continue
    if (!answers.has(root)) answers.set(root, await ask(root))
    result.set(scopeId, answers.get(root)!)
  }
  return result
}
