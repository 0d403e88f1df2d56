import type { SignerPosition } from '../../domain/reports/signature-authority.js'
import type { LocalDate } from '../../domain/time/local-date.js'

/** The four documents motcua writes from the figures. */
export const REPORT_KINDS = ['appendix', 'weekly', 'monthly', 'letter'] as const
export type ReportKind = (typeof REPORT_KINDS)[number]

/** What every report is asked with, from the command line or the API. */
export interface ReportRequest {
  kind: ReportKind
  unitCode: string
  from: string | undefined
  to: string | undefined
  /** A template file instead of the one in templates/ (letters and reports; not the appendix). */
  templatePath?: string | undefined
  /** The document's date (letter, reports); default today in Vietnam. */
  date?: LocalDate | undefined
  /** "Today" for the due-date reminder; default today in Vietnam. */
  today?: LocalDate | undefined
  /** The letter's trend periods instead of the template's whole months: "2022-07-01..2022-07-31,…". */
  trend?: string | undefined
  /** Where "has ever e-certified" starts counting, instead of the template's `ecert_since` (default: the earliest data). */
  ecertSince?: LocalDate | undefined
  /** Who signs instead of the template's signer: `vice_chair` (letters, reports). */
  signer?: SignerPosition | undefined
}
