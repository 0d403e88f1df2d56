import type { DatabaseHandle } from '../../db/open-database.js'
import type { ImportIssue } from '../import/import-issue.js'
import type { ImportSummary } from '../import/import-summary.js'
import { importRejected, rejectRepeatedCodes, readAllRows, type ReadOptions } from '../import/read-all-rows.js'
import { writeRejectedRows } from '../import/rejected-rows-writer.js'
import { openTabularFile } from '../import/tabular-file.js'
import { UNIT_COLUMNS } from './unit-columns.js'
import { parseUnitRow } from './parse-unit-row.js'
import { checkUnitSet, saveUnits } from './save-units.js'
import { writeAudit } from '../audit/write-audit.js'

export interface ImportOptions extends ReadOptions {
  skipInvalid: boolean
  /** Who imports, for the audit log: `user:…`, `token:…`, `cli:…`. */
  actor?: string
}

/** `import units FILE`: all or nothing unless skipInvalid; the same file twice changes nothing. */
export async function importUnits(handle: DatabaseHandle, path: string, options: ImportOptions): Promise<ImportSummary> {
  const file = await openTabularFile(path)
  const rows = await readAllRows(file, path, UNIT_COLUMNS, options, parseUnitRow)
  const repeated = rejectRepeatedCodes(rows)
  const invalid = repeated.invalid
  let valid = repeated.valid
  const existing = await handle.db.selectFrom('units').selectAll().execute()
  // Set checks may reject more rows, and rejecting a parent rejects its children: repeat until stable.
  for (;;) {
    const setIssues = checkUnitSet(valid.map((r) => ({ line: r.line, unit: r.value })), existing)
    if (setIssues.length === 0) break
    const byLine = new Map<number, ImportIssue[]>()
    for (const issue of setIssues) byLine.set(issue.line, [...(byLine.get(issue.line) ?? []), issue])
    for (const row of valid) if (byLine.has(row.line)) invalid.push({ line: row.line, cells: row.cells, issues: byLine.get(row.line)! })
    valid = valid.filter((r) => !byLine.has(r.line))
    if (!options.skipInvalid) break
  }
  invalid.sort((a, b) => a.line - b.line)
  const issues = invalid.flatMap((r) => r.issues)
  if (invalid.length > 0 && !options.skipInvalid) throw importRejected(path, issues, invalid.length)

  const rejectedFile = await writeRejectedRows(path, rows.header, invalid)
  const counts = await handle.db.transaction().execute(async (trx) => {
    const saved = await saveUnits(trx, valid.map((r) => ({ line: r.line, unit: r.value })))
    await writeAudit(trx, { actor: options.actor ?? 'system', action: 'import.units', entity: 'units', summary: { file: path, ...saved, rejected: invalid.length } })
    return saved
  })
  return { kind: 'units', file: path, read: rows.valid.length + rows.invalid.length, ...counts, rejected: invalid.length, rejectedFile, issues }
}
