import type { DatabaseHandle } from '../../db/open-database.js'
import type { ImportSummary } from '../import/import-summary.js'
import { importRejected, rejectRepeatedCodes, readAllRows } from '../import/read-all-rows.js'
import { writeRejectedRows } from '../import/rejected-rows-writer.js'
import { openTabularFile } from '../import/tabular-file.js'
import type { ImportOptions } from '../units/import-units.js'
import { PROCEDURE_COLUMNS } from './procedure-columns.js'
import { procedureRowParser } from './parse-procedure-row.js'
import { mapHeader } from '../import/columns.js'
import { saveProcedures } from './save-procedures.js'
import { writeAudit } from '../audit/write-audit.js'

/** `import procedures FILE`: a changed procedure becomes a new version. */
export async function importProcedures(handle: DatabaseHandle, path: string, options: ImportOptions): Promise<ImportSummary> {
  const file = await openTabularFile(path)
  const present = new Set(mapHeader(file.header, PROCEDURE_COLUMNS, true).index.keys())
  const rows = await readAllRows(file, path, PROCEDURE_COLUMNS, options, procedureRowParser(present))
  const { valid, invalid } = rejectRepeatedCodes(rows)
  const issues = invalid.flatMap((r) => r.issues)
  if (invalid.length > 0 && !options.skipInvalid) throw importRejected(path, issues, invalid.length)
  const rejectedFile = await writeRejectedRows(path, rows.header, invalid)
  const counts = await handle.db.transaction().execute(async (trx) => {
    const saved = await saveProcedures(trx, valid.map((r) => r.value))
    await writeAudit(trx, { actor: options.actor ?? 'system', action: 'import.procedures', entity: 'procedures', summary: { file: path, ...saved, rejected: invalid.length } })
    return saved
  })
  return { kind: 'procedures', file: path, read: rows.valid.length + rows.invalid.length, ...counts, rejected: invalid.length, rejectedFile, issues }
}
