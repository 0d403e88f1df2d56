/**
 * What the history triggers on dossier_events cost, statement by statement: imports a generated
 * file, then, in rolled-back transactions, takes its `imported` events as a statement's new
 * events (a table `new_events`) with the facts they made removed, and runs under EXPLAIN ANALYZE
 * the statements of the history-facts and Decision 766 counter triggers — as they are, and as
 * they were before migration 039 (its down() in the transaction), alternated.
 *   npx tsx bench/indicators/profile-history-triggers.ts --rows 100000 [--repeat 3]
 * With DATABASE_URL, on that server (its database must be empty).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { sql } from 'kysely'
import { openDatabase } from '../../src/db/open-database.js'
import { migrateToLatest } from '../../src/db/migrate.js'
import { down as before039 } from '../../src/db/migrations/20261126_039_import_facts.js'
import { importDossiers } from '../../src/modules/dossiers/import/import-dossiers.js'
import { saveProcedures } from '../../src/modules/procedures/save-procedures.js'
import { saveUnits } from '../../src/modules/units/save-units.js'
import { benchProcedures, benchUnits, writeBenchDossiers } from './generate.js'

const { values } = parseArgs({ options: { rows: { type: 'string', default: '100000' }, repeat: { type: 'string', default: '3' } } })
const work = mkdtempSync(join(tmpdir(), 'profile-history-'))
const csvPath = join(work, 'dossiers.csv')
await writeBenchDossiers(csvPath, Number(values.rows))
const handle = await openDatabase(process.env.DATABASE_URL ? { databaseUrl: process.env.DATABASE_URL } : { dataDir: join(work, 'data') })
await migrateToLatest(handle.db)
await handle.db.transaction().execute(async (trx) => {
  await saveUnits(trx, benchUnits().map((unit, i) => ({ line: i + 2, unit })))
  await saveProcedures(trx, benchProcedures())
})
await importDossiers(handle, csvPath, { skipInvalid: false, ignoreUnknown: false, workers: 0 })

// The triggers' bodies as statements, with the transition table as a plain table.
const statementsOf = (body: string) =>
  body.replace(/^\s*begin/, '').replace(/return null;\s*end\s*$/, '').split(';').map((s) => s.replace(/--[^\n]*/g, '').trim()).filter(Boolean)
    .map((s) => s.replace(/^perform /, 'select ').replaceAll('new_rows', 'new_events'))

class Rollback extends Error {}
for (let i = 0; i < Number(values.repeat); i++) {
  for (const name of ['before 039', '039']) {
    const times: string[] = []
    await handle.db.transaction().execute(async (trx) => {
      await sql`set local work_mem = '128MB'`.execute(trx)
      if (name === 'before 036') await before039(trx)
      const { rows: bodies } = await sql<{ body: string }>`
        select prosrc as body from pg_proc where proname in ('dossier_history_facts_after_insert', 'index766_touch_dossier_events_insert') order by proname`.execute(trx)
      const statements = bodies.flatMap((b) => statementsOf(b.body))
      await sql`create temp table new_events on commit drop as select * from dossier_events where type = 'imported'`.execute(trx)
      await sql`analyze new_events`.execute(trx)
      await sql`delete from dossier_history_facts`.execute(trx)
      for (const text of statements) {
        const plan = await sql<{ 'QUERY PLAN': [{ 'Execution Time': number; Triggers?: { 'Trigger Name': string; Time: number }[] }] }>`explain (analyze, format json) ${sql.raw(text)}`.execute(trx)
        const [top] = plan.rows[0]!['QUERY PLAN']
        const triggers = (top.Triggers ?? []).map((t) => ` (${t['Trigger Name'].startsWith('RI_') ? 'foreign key' : t['Trigger Name']} ${(t.Time / 1000).toFixed(2)} s)`).join('')
        times.push(`${text.slice(0, 40).replace(/\s+/g, ' ')}… ${(top['Execution Time'] / 1000).toFixed(2)} s${triggers}`)
      }
      throw new Rollback()
    }).catch((error: unknown) => {
      if (!(error instanceof Rollback)) throw error
    })
    process.stderr.write(`${name}: ${times.join(' | ')}\n`)
  }
}
await handle.close()
rmSync(work, { recursive: true, force: true })
