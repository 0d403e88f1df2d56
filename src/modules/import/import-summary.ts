import type { ImportIssue } from './import-issue.js'

export interface ImportSummary {
  kind: 'units' | 'procedures' | 'dossiers' | 'feedback' | 'targets'
  file: string
  read: number
  inserted: number
  updated: number
  unchanged: number
  rejected: number
  /** Written when `--skip-invalid` rejected rows: the rows with their reasons. */
  rejectedFile: string | null
  /** The first issues (all of them up to a cap; `rejected` says how many rows had one). */
  issues: ImportIssue[]
}

export const MAX_REPORTED_ISSUES = 1000
