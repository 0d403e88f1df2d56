import type { DatabaseHandle } from '../../db/open-database.js'
import { importDossierInputs } from '../dossiers/import/import-dossiers.js'
import { saveTarget } from '../indicators/targets.repository.js'
import { saveProcedures } from '../procedures/save-procedures.js'
import { checkUnitSet, saveUnits } from '../units/save-units.js'
import { buildDemoDataset } from './demo-dataset.js'
import { DEMO_TARGETS } from './demo-targets.js'

export interface DemoSeedResult {
  units: number
  procedures: number
  dossiers: number
  /** Dossiers new to the database: 0 when the demo was already there. */
  inserted: number
}

/**
 * Fills the database with the demo province through the same paths as a real import, so
 * the demo also proves them. Running it again changes nothing.
 */
export async function seedDemo(handle: DatabaseHandle, options: { scale?: number } = {}): Promise<DemoSeedResult> {
  const dataset = buildDemoDataset({ ...(options.scale ? { scale: options.scale } : {}) })
  const unitLines = dataset.units.map((unit, i) => ({ line: i + 2, unit }))
  const problems = checkUnitSet(unitLines, [])
  if (problems.length > 0) throw new Error(`demo units are inconsistent: ${problems.map((p) => p.reason).join('; ')}`)
  await handle.db.transaction().execute(async (trx) => {
    await saveUnits(trx, unitLines)
    await saveProcedures(trx, dataset.procedures)
    for (const target of DEMO_TARGETS) await saveTarget(trx, target)
  })
  const summary = await importDossierInputs(handle, dataset.dossiers(), 'demo')
  return { units: dataset.units.length, procedures: dataset.procedures.length, dossiers: summary.read, inserted: summary.inserted }
}

/** True when the database holds no unit yet: the first start of a fresh install. */
export async function isEmptyDatabase(handle: DatabaseHandle): Promise<boolean> {
  const row = await handle.db.selectFrom('units').select('id').limit(1).executeTakeFirst()
  return row === undefined
}
