import type { DatabaseHandle } from '../../db/open-database.js'
import { importDossierInputs } from '../dossiers/import/import-dossiers.js'
import { saveTarget } from '../indicators/targets.repository.js'
import { writeAudit } from '../audit/write-audit.js'
import { saveProcedures } from '../procedures/save-procedures.js'
import { checkUnitSet, saveUnits } from '../units/save-units.js'
import { buildDemoDataset, DEMO_DEFAULT_FROM, DEMO_DEFAULT_SEED, DEMO_DEFAULT_TO, type DemoDataset } from './demo-dataset.js'
import { DEMO_FLAG_COLUMNS, demoFeedback, demoPublication, withDemoFlags } from './demo-index766.js'
import { saveFeedback } from '../feedback/save-feedback.js'
import { DEMO_TARGETS } from './demo-targets.js'
import { DEMO_CITED_DOCUMENTS, DEMO_SIGNERS } from './demo-letters.js'
import { TU_KY_CODE } from './demo-units.js'
import { saveCitedDocument } from '../letters/cited-documents.repository.js'
import { saveSigner } from '../letters/signers.repository.js'
import type { Transaction } from 'kysely'
import type { Database } from '../../db/schema.js'
import { demoPassword, seedDemoAccounts, type DemoAccount } from './demo-accounts.js'
import { seedDemoDirectives } from './seed-demo-directives.js'
import { seedTodayAccounts } from './demo-accounts-2025.js'
import { demoReorganisationRows, dossiersAfterReorganisation, HAI_PHONG_CODE, mergedStories } from './demo-reorganisation.js'
import { buildUnitStories } from './demo-story.js'
import { applyReorganisation } from '../units/reorganise/reorganise-units.js'
import { FileStore } from '../desk/file-store.js'
import { seedDemoProcedureForms } from './demo-procedure-forms.js'

export interface DemoSeedResult {
  units: number
  procedures: number
  dossiers: number
  /** Accounts created by this run (none when they existed), and their shared password. */
  accounts: DemoAccount[]
  password: string
  /** Dossiers new to the database: 0 when the demo was already there. */
  inserted: number
}

/**
 * Fills the database with the demo province through the same paths as a real import, so
 * the demo also proves them. Running it again changes nothing.
 */
export async function seedDemo(handle: DatabaseHandle, options: { scale?: number; password?: string; withoutDirectives?: boolean; filesDir?: string } = {}): Promise<DemoSeedResult> {
  const password = options.password ?? demoPassword()
  const dataset = buildDemoDataset({ ...(options.scale ? { scale: options.scale } : {}) })
  const unitLines = dataset.units.map((unit, i) => ({ line: i + 2, unit }))
  const problems = checkUnitSet(unitLines, [])
  if (problems.length > 0) throw new Error(`demo units are inconsistent: ${problems.map((p) => p.reason).join('; ')}`)
  const accounts = await handle.db.transaction().execute(async (trx) => {
    await saveUnits(trx, unitLines)
    await saveProcedures(trx, dataset.procedures.map((procedure) => ({ ...procedure, publication: demoPublication(procedure) })))
    for (const target of DEMO_TARGETS) await saveTarget(trx, target)
    await seedDemoLetters(trx)
    const created = await seedDemoAccounts(trx, password)
    await writeAudit(trx, { actor: 'system', action: 'demo.seed', entity: 'demo', summary: { units: dataset.units.length, procedures: dataset.procedures.length, accounts: created.length } })
    return created
  })
  const summary = await importDossierInputs(handle, withDemoFlags(dataset.dossiers()), 'demo', DEMO_FLAG_COLUMNS)
  await seedDemoFeedback(handle, dataset.units)
  const after = await seedDemoReorganisation(handle, dataset, password, options.scale ?? 1)
  if (!options.withoutDirectives) await seedDemoDirectives(handle)
  // The procedures' forms are files: seeded where the server keeps files (seed and serve say where).
  if (options.filesDir) await seedDemoProcedureForms(handle, new FileStore(options.filesDir))
  return {
    units: dataset.units.length + after.units, procedures: dataset.procedures.length, dossiers: summary.read + after.read, inserted: summary.inserted + after.inserted,
    accounts: [...accounts, ...after.accounts], password,
  }
}

/**
 * 1/7/2025 (demo-reorganisation.ts, an illustrative mapping): the reorganisation through the
 * same use case as `units reorganise` (once: skipped when Hải Phòng exists), the accounts of
 * today's units, then a year of dossiers of the new communes.
 */
async function seedDemoReorganisation(handle: DatabaseHandle, dataset: DemoDataset, password: string, scale: number) {
  const exists = await handle.db.selectFrom('units').select('id').where('code', '=', HAI_PHONG_CODE).executeTakeFirst()
  const rows = demoReorganisationRows(dataset.units)
  const units = exists ? 0 : (await applyReorganisation(handle, rows, 'demo:1/7/2025', { dryRun: false, accounts: 'keep', actor: 'system' })).plan.created.length
  const accounts = await handle.db.transaction().execute((trx) => seedTodayAccounts(trx, password))
  const stories = mergedStories(buildUnitStories(), rows)
  const summary = await importDossierInputs(handle, withDemoFlags(dossiersAfterReorganisation(stories, dataset.procedures, DEMO_DEFAULT_SEED, scale)), 'demo-2025', DEMO_FLAG_COLUMNS)
  return { units, accounts, read: summary.read, inserted: summary.inserted }
}

/** Tứ Kỳ's feedback, saved as an import would (idempotent by unit and code), in one audited transaction. */
async function seedDemoFeedback(handle: DatabaseHandle, units: DemoDataset['units']): Promise<void> {
  const items = demoFeedback(units, DEMO_DEFAULT_FROM, DEMO_DEFAULT_TO, DEMO_DEFAULT_SEED)
  const rows = await handle.db.selectFrom('units').select(['id', 'code']).execute()
  const idOf = new Map(rows.map((u) => [u.code, u.id]))
  await handle.db.transaction().execute(async (trx) => {
    const saved = await saveFeedback(trx, items.map((input) => ({ input, unitId: idOf.get(input.unitCode)! })))
    await writeAudit(trx, { actor: 'system', action: 'demo.seed_feedback', entity: 'feedback', summary: { ...saved } })
  })
}

/** Who signs Tứ Kỳ's letters and what they cite (idempotent: saved by position and by number). */
async function seedDemoLetters(trx: Transaction<Database>): Promise<void> {
  const tuKy = await trx.selectFrom('units').select('id').where('code', '=', TU_KY_CODE).executeTakeFirstOrThrow()
  for (const signer of DEMO_SIGNERS) await saveSigner(trx, tuKy.id, signer.position, signer.name)
  for (const doc of DEMO_CITED_DOCUMENTS) await saveCitedDocument(trx, tuKy.id, doc)
}

/** True when the database holds no unit yet: the first start of a fresh install. */
export async function isEmptyDatabase(handle: DatabaseHandle): Promise<boolean> {
  const row = await handle.db.selectFrom('units').select('id').limit(1).executeTakeFirst()
  return row === undefined
}

/** The lines printed after seeding: who can log in, with which password. */
export function describeDemoAccounts(result: DemoSeedResult): string {
  if (result.accounts.length === 0) return ''
  const lines = [`Tài khoản dùng thử (mật khẩu chung: ${result.password}):`]
  for (const a of result.accounts.slice(0, 12)) lines.push(`  ${a.username.padEnd(24)} ${a.role.padEnd(13)} ${a.unitName}`)
  if (result.accounts.length > 12) lines.push(`  … và ${result.accounts.length - 12} tài khoản khác: <tên xã không dấu>.lanhdao | .motcua | .chuyenvien (ví dụ anthanh.motcua)`)
  return lines.join('\n')
}
