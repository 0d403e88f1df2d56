import type { ImportIssue } from '../../import/import-issue.js'
import { MAX_REPORTED_ISSUES } from '../../import/import-summary.js'

/** The issues of an import (the first ones) and how many rows were refused. */
export interface Collector {
  issues: ImportIssue[]
  rejectedRows: number
}

export function collect(collector: Collector, issues: readonly ImportIssue[], countRow = true): void {
  if (countRow) collector.rejectedRows++
  for (const issue of issues) if (collector.issues.length < MAX_REPORTED_ISSUES) collector.issues.push(issue)
}

/** A row whose code an earlier refused row already had: the staging table never saw the first. */
export function repeatOfRefused(line: number, code: string, firstLine: number): ImportIssue {
  return { line, column: 'code', value: code, reason: `mã hồ sơ trùng với dòng ${firstLine}` }
}
