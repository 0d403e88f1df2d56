import type { DatabaseHandle } from '../../src/db/open-database.js'
import { importDossiers } from '../../src/modules/dossiers/import/import-dossiers.js'
import { importProcedures } from '../../src/modules/procedures/import-procedures.js'
import { importUnits } from '../../src/modules/units/import-units.js'
import { DOSSIER_HEADER, PROCEDURES_CSV, tempDir, UNITS_CSV, writeCsv } from './files.js'

/**
 * Tứ Kỳ with An Thanh and Quang Trung, three procedures, and the given dossiers.csv rows
 * (without the header), all imported through the interchange files as an operator would.
 */
export async function loadSmallDistrict(handle: DatabaseHandle, dossierRows: readonly string[], extraUnitRows: readonly string[] = []): Promise<void> {
  const dir = tempDir()
  const strict = { skipInvalid: false, ignoreUnknown: false }
  await importUnits(handle, writeCsv(dir, 'units.csv', [...UNITS_CSV, ...extraUnitRows]), strict)
  await importProcedures(handle, writeCsv(dir, 'procedures.csv', PROCEDURES_CSV), strict)
  if (dossierRows.length > 0) await importDossiers(handle, writeCsv(dir, 'dossiers.csv', [DOSSIER_HEADER, ...dossierRows]), strict)
}
