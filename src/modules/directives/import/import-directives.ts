import type { DatabaseHandle } from '../../../db/open-database.js'
import type { DirectiveInput, TaskInput } from '../../../domain/directives/directive-rules.js'
import type { WorkingDays } from '../../../domain/directives/recurrence.js'
import type { ImportIssue } from '../../import/import-issue.js'
import { importRejected, readAllRows, type ReadOptions } from '../../import/read-all-rows.js'
import { openTabularFile } from '../../import/tabular-file.js'
import { getUnitByCode, subtreeOf } from '../../units/units.repository.js'
import { findDirectiveByNumber } from '../directives.repository.js'
import { saveDirective } from '../record-directive.js'
import { DIRECTIVE_COLUMNS } from './directive-columns.js'
import { parseDirectiveRow } from './parse-directive-row.js'

export interface DirectiveImportSummary {
  file: string
  read: number
  directives: number
  tasks: number
}

const keyOf = (d: DirectiveInput) => `${d.direction}|${d.number.trim()}|${d.issuedOn}`

/**
 * `directives import FILE --unit U`: the directives a unit received or sent and their tasks,
 * all or nothing. Every bad row is named by line, column and reason: a rule broken, an unknown
 * or out-of-scope unit, a directive already recorded, or a row whose directive columns differ
 * from the directive's first row.
 */
export async function importDirectives(handle: DatabaseHandle, path: string, unitCode: string, options: ReadOptions & { actor: string; calendar: WorkingDays; fileLabel?: string }): Promise<DirectiveImportSummary> {
  const unit = await getUnitByCode(handle.db, unitCode)
  // The name errors give: an uploaded file is named as its sender called it, not by its temporary path.
  const label = options.fileLabel ?? path
  const file = await openTabularFile(path)
  const rows = await readAllRows(file, label, DIRECTIVE_COLUMNS, options, (row) => parseDirectiveRow(row, unit.code))
  const issues: ImportIssue[] = rows.invalid.flatMap((r) => r.issues)
  const subtree = await subtreeOf(handle.db, unit.id)
  const units = await handle.db.selectFrom('units').select(['id', 'code']).execute()
  const inScope = new Set(units.filter((u) => subtree.has(u.id)).map((u) => u.code))
  const groups = new Map<string, { line: number; directive: DirectiveInput; tasks: TaskInput[] }>()
  for (const { line, value } of rows.valid) {
    const problem = (column: string, cell: string | null, reason: string) => issues.push({ line, column, value: cell, reason })
    const key = keyOf(value.directive)
    const group = groups.get(key)
    if (group && JSON.stringify(group.directive) !== JSON.stringify(value.directive)) problem('subject', null, `văn bản số ${value.directive.number} đã có ở dòng ${group.line} với thông tin khác (cơ quan ban hành, trích yếu, loại, chủ đề phải giống nhau)`)
    if (!group && (await findDirectiveByNumber(handle.db, unit.id, value.directive.number.trim(), value.directive.issuedOn)) !== undefined) problem('number', value.directive.number, 'văn bản này đã được ghi trước đây')
    if (value.task) {
      for (const code of value.task.assignees) if (!inScope.has(code)) problem('assignees', code, `không có đơn vị với mã này thuộc ${unit.name}`)
      if (!inScope.has(value.task.monitor)) problem('monitor', value.task.monitor, `không có đơn vị với mã này thuộc ${unit.name}`)
    }
    const entry = group ?? { line, directive: value.directive, tasks: [] }
    if (value.task) entry.tasks.push(value.task)
    groups.set(key, entry)
  }
  issues.sort((a, b) => a.line - b.line)
  if (issues.length > 0) throw importRejected(label, issues, new Set(issues.map((i) => i.line)).size)
  await handle.db.transaction().execute(async (trx) => {
    for (const group of groups.values()) {
      await saveDirective(trx, unit, group.directive, { citedDocumentIds: [], tasks: group.tasks, fileId: null, fileSha256: null, actor: options.actor }, options.calendar)
    }
  })
  return { file: label, read: rows.valid.length, directives: groups.size, tasks: [...groups.values()].reduce((n, g) => n + g.tasks.length, 0) }
}
