import type { DatabaseHandle } from '../../src/db/open-database.js'
import { importDossiers } from '../../src/modules/dossiers/import/import-dossiers.js'
import { importFeedback } from '../../src/modules/feedback/import-feedback.js'
import { importProcedures } from '../../src/modules/procedures/import-procedures.js'
import { importUnits } from '../../src/modules/units/import-units.js'
import { tempDir, UNITS_CSV, writeCsv } from './files.js'

/** A district's interchange files beyond its units (Tứ Kỳ's), each with its header line. */
export interface DistrictFiles {
  procedures: readonly string[]
  dossiers: readonly string[]
  feedback: readonly string[]
}

/** Tứ Kỳ's units, then the procedures, dossiers and feedback, imported in that order as an operator would; any bad row fails. */
export async function importDistrictFiles(handle: DatabaseHandle, files: DistrictFiles): Promise<void> {
  const dir = tempDir()
  const strict = { skipInvalid: false, ignoreUnknown: false }
  await importUnits(handle, writeCsv(dir, 'units.csv', UNITS_CSV), strict)
  await importProcedures(handle, writeCsv(dir, 'procedures.csv', files.procedures), strict)
  await importDossiers(handle, writeCsv(dir, 'dossiers.csv', files.dossiers), strict)
  await importFeedback(handle, writeCsv(dir, 'feedback.csv', files.feedback), strict)
}
