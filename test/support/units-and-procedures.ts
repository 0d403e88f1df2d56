import type { DatabaseHandle } from '../../src/db/open-database.js'
import type { UnitInput } from '../../src/domain/units/unit-input.js'
import { saveProcedures } from '../../src/modules/procedures/save-procedures.js'
import { saveUnits } from '../../src/modules/units/save-units.js'

/** A small tree and its procedures, saved in one transaction as a units file and a procedures file would be (lines from 2). */
export async function saveUnitsAndProcedures(handle: DatabaseHandle, units: readonly UnitInput[], procedures: Parameters<typeof saveProcedures>[1]): Promise<void> {
  await handle.db.transaction().execute(async (trx) => {
    await saveUnits(trx, units.map((unit, i) => ({ line: i + 2, unit })))
    await saveProcedures(trx, procedures)
  })
}
