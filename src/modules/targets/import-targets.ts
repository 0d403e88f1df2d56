import type { DatabaseHandle } from '../../db/open-database.js'
import { targetKey } from '../../domain/indicators/target-rules.js'
import { writeAudit } from '../audit/write-audit.js'
import type { ImportSummary } from '../import/import-summary.js'
import { importRejected, readAllRows, rejectRepeatedKeys, type ReadOptions } from '../import/read-all-rows.js'
import { openTabularFile } from '../import/tabular-file.js'
import { saveTarget } from '../indicators/targets.repository.js'
import { listUnits } from '../units/units.repository.js'
import { loadReceivingUnits } from '../units/receiving-units.js'
import { targetYearRefusal } from '../../domain/units/unit-validity.js'
import { parseTargetRow } from './parse-target-row.js'
import { TARGET_COLUMNS } from './target-columns.js'

export interface TargetImportOptions extends ReadOptions {
  /** Who imports, for the audit log. */
  actor?: string
}

/**
 * `targets import FILE` (or `import targets FILE`): the minimums a province set and the decisions
 * that set them, all or nothing; every bad row named by line, column and reason; a target given
 * twice in one file is an error on the second row. The same file twice changes nothing.
 */
export async function importTargets(handle: DatabaseHandle, path: string, options: TargetImportOptions): Promise<ImportSummary> {
  const file = await openTabularFile(path)
  const rows = await readAllRows(file, path, TARGET_COLUMNS, options, parseTargetRow)
  const { valid, invalid } = rejectRepeatedKeys(
    rows,
    (target) => (target.year === 0 ? null : targetKey(target)),
    (line, target, firstLine) => ({ line, column: null, value: null, reason: `chỉ tiêu này (${target.indicator}, năm ${target.year}) đã có ở dòng ${firstLine}` }),
  )
  const known = new Set((await listUnits(handle.db)).map((unit) => unit.code))
  for (const row of valid.filter((r) => r.value.unitCode !== null && !known.has(r.value.unitCode))) {
    invalid.push({ line: row.line, cells: row.cells, issues: [{ line: row.line, column: 'unit_code', value: row.value.unitCode, reason: 'không có đơn vị với mã này' }] })
  }
  // A target is for a year its unit exists in (a dissolved commune's goes to its successor).
  const units = new Map((await loadReceivingUnits(handle.db)).map((u) => [u.code, u]))
  for (const row of valid) {
    const unit = row.value.unitCode === null ? undefined : units.get(row.value.unitCode)
    const outside = unit ? targetYearRefusal(unit, row.value.year) : null
    if (outside !== null) invalid.push({ line: row.line, cells: row.cells, issues: [{ line: row.line, column: 'unit_code', value: row.value.unitCode, reason: outside }] })
  }
  invalid.sort((a, b) => a.line - b.line)
  const issues = invalid.flatMap((r) => r.issues)
  if (invalid.length > 0) throw importRejected(path, issues, invalid.length)

  const rejected = new Set(invalid.map((r) => r.line))
  const targets = valid.filter((r) => !rejected.has(r.line)).map((r) => r.value)
  const counts = await handle.db.transaction().execute(async (trx) => {
    const saved = { inserted: 0, updated: 0, unchanged: 0 }
    for (const target of targets) saved[await saveTarget(trx, target)]++
    await writeAudit(trx, { actor: options.actor ?? 'system', action: 'import.targets', entity: 'targets', summary: { file: path, ...saved, targets } })
    return saved
  })
  return { kind: 'targets', file: path, read: rows.valid.length + rows.invalid.length, ...counts, rejected: 0, rejectedFile: null, issues: [] }
}
