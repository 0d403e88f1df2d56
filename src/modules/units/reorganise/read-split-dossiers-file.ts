import type { ImportIssue } from '../../import/import-issue.js'
import { importRejected, readAllRows } from '../../import/read-all-rows.js'
import { openTabularFile } from '../../import/tabular-file.js'
import { SPLIT_DOSSIER_COLUMNS } from './reorganisation-columns.js'

/**
 * A CSV/XLSX file naming a split unit's dossiers one by one (dossier_code, new_code — Mã hồ sơ,
 * Mã đơn vị mới): what JSON's `"dossiers"` says, for a reorganisation given as CSV/XLSX. A file
 * with a wrong row, or one dossier named for two successors, is refused whole.
 */
export async function readSplitDossiersFile(path: string): Promise<Map<string, string>> {
  const rows = await readAllRows(await openTabularFile(path), path, SPLIT_DOSSIER_COLUMNS, { ignoreUnknown: false }, (row) => ({
    dossierCode: row.code('dossier_code', 'required'),
    newCode: row.code('new_code', 'required'),
  }))
  const issues: ImportIssue[] = rows.invalid.flatMap((r) => r.issues)
  const named = new Map<string, string>()
  for (const { line, value } of rows.valid) {
    const earlier = named.get(value.dossierCode)
    if (earlier !== undefined && earlier !== value.newCode) {
      issues.push({ line, column: 'new_code', value: value.newCode, reason: `hồ sơ ${value.dossierCode} đã được ghi cho ${earlier} ở dòng trước` })
    }
    named.set(value.dossierCode, earlier ?? value.newCode)
  }
  if (issues.length > 0) throw importRejected(path, issues, new Set(issues.map((i) => i.line)).size)
  return named
}

/** The dossiers named by the reorganisation file (JSON) and by the separate file, which must not disagree. */
export function joinNamedDossiers(fromFile: ReadonlyMap<string, string>, fromList: ReadonlyMap<string, string>): { named: Map<string, string>; issues: ImportIssue[] } {
  const named = new Map(fromFile)
  const issues: ImportIssue[] = []
  for (const [code, successor] of fromList) {
    const earlier = named.get(code)
    if (earlier !== undefined && earlier !== successor) issues.push({ line: 0, column: 'dossiers', value: code, reason: `tệp sắp xếp ghi ${earlier}, tệp hồ sơ ghi ${successor}` })
    else named.set(code, successor)
  }
  return { named, issues }
}
