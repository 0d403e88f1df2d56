import type { DatabaseHandle } from '../../db/open-database.js'
import type { ImportIssue } from '../import/import-issue.js'
import type { ImportSummary } from '../import/import-summary.js'
import { importRejected, readAllRows, rejectRepeatedKeys } from '../import/read-all-rows.js'
import { writeRejectedRows } from '../import/rejected-rows-writer.js'
import { openTabularFile } from '../import/tabular-file.js'
import type { ImportOptions } from '../units/import-units.js'
import { writeAudit } from '../audit/write-audit.js'
import { FEEDBACK_COLUMNS } from './feedback-columns.js'
import { checkFeedbackSubjects } from './feedback-subject.js'
import { parseFeedbackRow } from './parse-feedback-row.js'
import { saveFeedback } from './save-feedback.js'

interface Invalid {
  line: number
  cells: string[]
  issues: ImportIssue[]
}

/**
 * `import feedback FILE` (phản ánh, kiến nghị): all or nothing unless skipInvalid; an item is
 * known by its unit and code, so the same file twice changes nothing; one audit row.
 */
export async function importFeedback(handle: DatabaseHandle, path: string, options: ImportOptions): Promise<ImportSummary> {
  const file = await openTabularFile(path)
  const rows = await readAllRows(file, path, FEEDBACK_COLUMNS, options, parseFeedbackRow)
  const units = await handle.db.selectFrom('units').select(['id', 'code']).execute()
  const unitIdByCode = new Map(units.map((u) => [u.code, u.id]))
  // An item is known by its unit and code: a repeat is named even when the first row was rejected.
  const repeated = rejectRepeatedKeys(
    rows,
    (value) => (value.code === '' ? null : `${value.unitCode}\u0000${value.code}`),
    (line, value, firstLine) => ({ line, column: 'code', value: value.code, reason: `mã phản ánh trùng với dòng ${firstLine} (cùng đơn vị)` }),
  )
  const invalid: Invalid[] = repeated.invalid
  const valid: { line: number; input: (typeof rows.valid)[number]['value']; unitId: number }[] = []
  const known = repeated.valid.flatMap((row) => {
    const unitId = unitIdByCode.get(row.value.unitCode)
    if (unitId === undefined) {
      invalid.push({ line: row.line, cells: row.cells, issues: [{ line: row.line, column: 'unit_code', value: row.value.unitCode, reason: 'không có đơn vị với mã này' }] })
      return []
    }
    return [{ row, unitId }]
  })
  const subjectIssues = await checkFeedbackSubjects(handle.db, known.map(({ row, unitId }) => ({ unitId, procedureCode: row.value.procedureCode, dossierCode: row.value.dossierCode })))
  for (const [index, { row, unitId }] of known.entries()) {
    const issues = subjectIssues[index] ?? []
    if (issues.length > 0) {
      invalid.push({ line: row.line, cells: row.cells, issues: issues.map((issue) => ({ line: row.line, ...issue })) })
      continue
    }
    valid.push({ line: row.line, input: row.value, unitId })
  }
  invalid.sort((a, b) => a.line - b.line)
  const issues = invalid.flatMap((r) => r.issues)
  if (invalid.length > 0 && !options.skipInvalid) throw importRejected(path, issues, invalid.length)
  const rejectedFile = await writeRejectedRows(path, rows.header, invalid)
  const counts = await handle.db.transaction().execute(async (trx) => {
    const saved = await saveFeedback(trx, valid)
    await writeAudit(trx, { actor: options.actor ?? 'system', action: 'import.feedback', entity: 'feedback', summary: { file: path, ...saved, rejected: invalid.length } })
    return saved
  })
  return { kind: 'feedback', file: path, read: rows.valid.length + rows.invalid.length, ...counts, rejected: invalid.length, rejectedFile, issues }
}
