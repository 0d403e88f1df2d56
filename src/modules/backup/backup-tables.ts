import type { RawSession } from '../../db/open-database.js'

export interface BackupTable {
  table: string
  columns: string[]
}

/**
 * Kept by the migrator or rebuilt by the restore itself, not copied as rows: the migrations, the
 * audit head (advanced over the restored chain) and the figures' data and access versions (moved on by the restore).
 */
const NOT_COPIED = new Set(['kysely_migration', 'kysely_migration_lock', 'audit_head', 'data_version', 'access_version',
  // The Decision 766 partial results (migration 033), a cache: a restored database computes them when asked.
  'index766_unit_changes', 'index766_partials_fresh', 'index766_history_partials', 'index766_month_partials', 'index766_payment_partials'])

/**
 * The application's tables, each with its stored columns (no generated ones), ordered so that a
 * table comes after every table it references: a restore loads them in this order with the
 * foreign keys checked. A table referencing itself is fine (COPY checks at the statement's end).
 */
export async function backupTables(session: RawSession): Promise<BackupTable[]> {
  const columns = await session.query<{ table_name: string; column_name: string }>(`
    select c.relname as table_name, a.attname as column_name
    from pg_class c
    join pg_namespace n on n.oid = c.relnamespace
    join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
    where n.nspname = current_schema() and c.relkind in ('r', 'p')
    order by c.relname, a.attnum`)
  const references = await session.query<{ from_table: string; to_table: string }>(`
    select distinct src.relname as from_table, dst.relname as to_table
    from pg_constraint k
    join pg_class src on src.oid = k.conrelid
    join pg_class dst on dst.oid = k.confrelid
    join pg_namespace n on n.oid = src.relnamespace
    where k.contype = 'f' and n.nspname = current_schema() and src.oid <> dst.oid`)
  const byTable = new Map<string, string[]>()
  for (const row of columns) {
    if (NOT_COPIED.has(row.table_name)) continue
    byTable.set(row.table_name, [...(byTable.get(row.table_name) ?? []), row.column_name])
  }
  const needs = new Map<string, Set<string>>([...byTable.keys()].map((t) => [t, new Set<string>()]))
  for (const ref of references) if (needs.has(ref.from_table) && byTable.has(ref.to_table)) needs.get(ref.from_table)!.add(ref.to_table)
  const ordered: BackupTable[] = []
  const placed = new Set<string>()
  while (placed.size < byTable.size) {
    const ready = [...byTable.keys()].filter((t) => !placed.has(t) && [...needs.get(t)!].every((d) => placed.has(d))).sort()
    if (ready.length === 0) throw new Error(`foreign keys form a cycle among ${[...byTable.keys()].filter((t) => !placed.has(t)).join(', ')}`)
    for (const table of ready) {
      placed.add(table)
      ordered.push({ table, columns: byTable.get(table)! })
    }
  }
  return ordered
}
