/** One problem in an import file, located by the file's own line number (header = line 1). */
export interface ImportIssue {
  line: number
  column: string | null
  value: string | null
  /** In Vietnamese: the import report is read by officers. */
  reason: string
}

export function formatImportIssue(issue: ImportIssue): string {
  const where = [`dòng ${issue.line}`]
  if (issue.column) where.push(`cột ${issue.column}`)
  const value = issue.value === null ? '' : ` (giá trị "${issue.value.length > 60 ? `${issue.value.slice(0, 57)}...` : issue.value}")`
  return `${where.join(', ')}${value}: ${issue.reason}`
}
