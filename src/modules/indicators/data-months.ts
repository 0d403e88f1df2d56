import { sql, type Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'

/**
 * The months in which a unit and its subtree received or finished any dossier, oldest first
 * ('2022-09'): what an empty period tells the reader to choose instead. Read from the monthly
 * rollups, so it costs one index scan whatever the number of dossiers.
 */
export async function monthsWithData(db: Kysely<Database>, unitId: number): Promise<string[]> {
  const rows = await sql<{ month: string }>`
    select to_char(m.month, 'YYYY-MM') as month
    from rollup_monthly m
    join unit_closure c on c.descendant_id = m.unit_id and c.ancestor_id = ${unitId}
    group by m.month
    having sum(m.received) > 0 or sum(m.finished) > 0
    order by m.month`.execute(db)
  return rows.rows.map((r) => r.month)
}
