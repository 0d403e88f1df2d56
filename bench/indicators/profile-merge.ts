/**
 * Where the import's merge spends its time: stages a generated file as `import dossiers` does,
 * then runs the merge's statements (the history events of changed rows, the update, the insert
 * with its events) under EXPLAIN ANALYZE in a transaction that is rolled back — so the same
 * staged rows can be merged again, e.g. with the triggers of another migration for comparison.
 *   npx tsx bench/indicators/profile-merge.ts --rows 50000 [--repeat 2] [--without 20261126_034_import_speed_rollups]
 * `--without M` migrates only up to the migration before M (the triggers as they were).
 * `--compare [--versus M]` alternates each merge with one under the triggers as they were before M
 * (the down() of every migration from the latest back to M; default 034).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { type Kysely, sql } from 'kysely'
import { openDatabase } from '../../src/db/open-database.js'
import { MIGRATION_NAMES, migrateUpTo } from '../../src/db/migrate.js'
import { importDossiers } from '../../src/modules/dossiers/import/import-dossiers.js'
import { DossierImportRun } from '../../src/modules/dossiers/import/dossier-import-run.js'
import { saveProcedures } from '../../src/modules/procedures/save-procedures.js'
import { saveUnits } from '../../src/modules/units/save-units.js'
import { contributionUpsert as unitRollupsStatement, signedRows } from '../../src/db/migrations/20261126_034_import_speed_rollups.js'
import { contributionUpsert as withAncestorsStatement } from '../../src/db/migrations/20261126_040_subtree_contrib.js'
import { benchProcedures, benchUnits, writeBenchDossiers } from './generate.js'
import { rawCopySeconds } from './raw-copy.js'

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '50000' },
    repeat: { type: 'string', default: '1' },
    without: { type: 'string' },
    update: { type: 'boolean', default: false },
    // Alternate each merge with one under the triggers as they were before migration 034 (its
    // down() run in the measured transaction): the same staged rows, the same minutes.
    compare: { type: 'boolean', default: false },
    // The migration whose down() the compared merges run (its triggers undone in that transaction).
    versus: { type: 'string', default: '20261126_034_import_speed_rollups' },
    // Triggers to disable in the measured transaction (names, comma-separated; variants separated by ';', run in turn): what each costs.
    disable: { type: 'string', default: '' },
    // Print each statement's plan nodes with their actual times.
    plan: { type: 'boolean', default: false },
    // Before each merge, time a raw COPY of the same file into a bare table (run.ts's baseline), so
    // the staging and each merge can be read as multiples of it from the same minutes.
    copy: { type: 'boolean', default: false },
    // Stage into a logged import_dossier_rows (it is UNLOGGED since migration 001): what the WAL costs. With --repeat 0, staging only.
    'logged-staging': { type: 'boolean', default: false },
    // After the merge (run it with --disable dossiers_rollups_insert), the rollups' statement alone
    // over every dossier, twice: into empty rollup tables (a first import), then every row a conflict.
    'rollup-statement': { type: 'boolean', default: false },
  },
})
const rows = Number(values.rows)
type Down = { down: (db: Kysely<any>) => Promise<void> } // eslint-disable-line @typescript-eslint/no-explicit-any
if (!MIGRATION_NAMES.includes(values.versus)) throw new Error(`no migration ${values.versus}`)
const undone = MIGRATION_NAMES.slice(MIGRATION_NAMES.indexOf(values.versus)).reverse()
const downs = await Promise.all(undone.map(async (name) => ((await import(`../../src/db/migrations/${name}.js`)) as Down).down))
const work = mkdtempSync(join(tmpdir(), 'profile-merge-'))
const csvPath = join(work, 'dossiers.csv')
await writeBenchDossiers(csvPath, rows)
const handle = await openDatabase(process.env.DATABASE_URL ? { databaseUrl: process.env.DATABASE_URL } : { dataDir: join(work, 'data') })
const target = values.without ? MIGRATION_NAMES[MIGRATION_NAMES.indexOf(values.without) - 1]! : MIGRATION_NAMES.at(-1)!
await migrateUpTo(handle.db, target)
process.stderr.write(`migrated to ${target}\n`)
if (values['logged-staging']) await sql`alter table import_dossier_rows set logged`.execute(handle.db)
await handle.db.transaction().execute(async (trx) => {
  const units = benchUnits()
  await saveUnits(trx, units.map((unit, i) => ({ line: i + 2, unit })))
  await saveProcedures(trx, benchProcedures())
})

const merge = DossierImportRun.prototype.merge
let runId = ''
if (values.update) {
  // A first import merged for real, so the second one's rows are updates of the same dossiers.
  await importDossiers(handle, csvPath, { skipInvalid: false, ignoreUnknown: false, workers: 0 })
  await sql`update dossiers set status = 'processing', finished_at = null, returned_at = null where id % 3 = 0`.execute(handle.db)
}
DossierImportRun.prototype.merge = async function (this: DossierImportRun) {
  runId = this.id
  return { inserted: 0, updated: 0, unchanged: 0 }
}
if (values.copy) process.stderr.write(`raw COPY: ${(await rawCopySeconds(handle, csvPath)).toFixed(2)} s\n`)

let started = performance.now()
await importDossiers(handle, csvPath, { skipInvalid: false, ignoreUnknown: false, workers: 0 })
process.stderr.write(`staged ${rows} rows${values['logged-staging'] ? ' (logged)' : ''} in ${((performance.now() - started) / 1000).toFixed(1)} s (run ${runId})\n`)
DossierImportRun.prototype.merge = merge

const MERGED = [
  'receiving_unit_id', 'procedure_id', 'procedure_version_id', 'channel', 'status', 'received_at', 'due_at', 'finished_at', 'returned_at',
  'components_total', 'components_digitized', 'result_digitized', 'fee_vnd', 'paid_online', 'ecert_copies', 'rating',
]
const cols = MERGED.join(', ')
const staged = MERGED.map((c) => `s.${c}`).join(', ')
const statements: Record<string, string> = {
  events: `insert into dossier_events (dossier_id, seq, type, at, actor, status_after, data)
    select d.id, coalesce((select max(e.seq) from dossier_events e where e.dossier_id = d.id), 0) + 1, 'status_synced', s.received_at, 'p', s.status, '{}'::jsonb
    from dossiers d join import_dossier_rows s on s.code = d.code and s.run_id = ${runId} where d.status <> s.status`,
  update: `update dossiers d set ${MERGED.map((c) => `${c} = s.${c}`).join(', ')}, deciding_unit_id = coalesce(s.deciding_unit_id, d.deciding_unit_id), updated_at = now()
    from import_dossier_rows s where s.run_id = ${runId} and s.code = d.code
      and (${MERGED.map((c) => `d.${c}`).join(', ')}, d.deciding_unit_id) is distinct from (${staged}, coalesce(s.deciding_unit_id, d.deciding_unit_id))`,
  insert: `with created as (
      insert into dossiers (code, deciding_unit_id, ${cols})
      select s.code, coalesce(s.deciding_unit_id, s.receiving_unit_id), ${staged}
      from import_dossier_rows s where s.run_id = ${runId} and not exists (select 1 from dossiers d where d.code = s.code)
      order by s.line
      returning id, status, received_at, finished_at, returned_at
    )
    insert into dossier_events (dossier_id, seq, type, at, actor, status_after, data)
    select id, 1, 'imported', received_at, 'p', status, jsonb_build_object('import_run', ${runId}::bigint, 'finished_at', finished_at, 'returned_at', returned_at)
    from created`,
}

interface PlanNode { 'Node Type': string; 'Actual Total Time'?: number; 'Actual Rows'?: number; 'Relation Name'?: string; Plans?: PlanNode[] }
function printPlan(node: PlanNode, depth: number): void {
  process.stderr.write(`${'  '.repeat(depth)}${node['Node Type']}${node['Relation Name'] ? ` ${node['Relation Name']}` : ''}: ${((node['Actual Total Time'] ?? 0) / 1000).toFixed(2)} s, ${node['Actual Rows']} rows\n`)
  for (const child of node.Plans ?? []) printPlan(child, depth + 1)
}

class Rollback extends Error {}
const variants = values.disable.split(';').flatMap((disabled) => (values.compare ? [{ disabled, old: false }, { disabled, old: true }] : [{ disabled, old: false }]))
for (let i = 0; i < Number(values.repeat) * variants.length; i++) {
  const { disabled, old } = variants[i % variants.length]!
  if (values.copy) process.stderr.write(`raw COPY: ${(await rawCopySeconds(handle, csvPath)).toFixed(2)} s\n`)
  started = performance.now()
  await handle.db.transaction().execute(async (trx) => {
    await sql`set local work_mem = '128MB'`.execute(trx)
    if (old) for (const down of downs) await down(trx)
    for (const name of disabled.split(',').filter(Boolean)) {
      // `all:T` turns off every trigger of table T, its foreign-key checks too (PGlite runs as superuser).
      if (name.startsWith('all:')) {
        await sql`alter table ${sql.raw(name.slice(4))} disable trigger all`.execute(trx)
        continue
      }
      const { rows: found } = await sql<{ t: string }>`select tgrelid::regclass::text as t from pg_trigger where tgname = ${name}`.execute(trx)
      if (found.length === 0) throw new Error(`no trigger ${name}`)
      await sql`alter table ${sql.raw(found[0]!.t)} disable trigger ${sql.raw(name)}`.execute(trx)
    }
    const measured = { ...statements }
    if (values['rollup-statement']) {
      // 040's statement says it wrote the per-ancestor rows itself, as its trigger does.
      if (!old) await sql`select set_config('motcua.subtree_kept', 'on', true)`.execute(trx)
      const rollups = (old ? unitRollupsStatement : withAncestorsStatement)([signedRows('dossiers', 1)])
      Object.assign(measured, { 'rollups into empty tables': rollups, 'rollups, every row a conflict': rollups })
    }
    for (const [name, text] of Object.entries(measured)) {
      const t = performance.now()
      const plan = await sql<{ 'QUERY PLAN': unknown }>`explain (analyze, format json) ${sql.raw(text)}`.execute(trx)
      const [top] = plan.rows[0]!['QUERY PLAN'] as [{ 'Execution Time': number; Triggers?: { 'Trigger Name': string; Time: number; Calls: number }[] }]
      const triggers = (top.Triggers ?? []).filter((t) => t.Time >= 5).map((t) => `${t['Trigger Name']} ${(t.Time / 1000).toFixed(2)} s`)
      if (values.plan) printPlan((top as unknown as { Plan: PlanNode }).Plan, 1)
      process.stderr.write(`${name}: ${((performance.now() - t) / 1000).toFixed(2)} s (execution ${(top['Execution Time'] / 1000).toFixed(2)} s) ${triggers.join('; ')}\n`)
    }
    throw new Rollback()
  }).catch((error: unknown) => {
    if (!(error instanceof Rollback)) throw error
  })
  process.stderr.write(`merge ${i + 1} [${old ? `before ${values.versus}` : 'now'}, without ${disabled || 'nothing'}]: ${((performance.now() - started) / 1000).toFixed(1)} s\n`)
}
await handle.close()
rmSync(work, { recursive: true, force: true })
