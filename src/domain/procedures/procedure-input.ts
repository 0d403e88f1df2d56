import type { ProcedurePublication } from './publication.js'

export const OnlineLevel = {
  full: 'full', // toàn trình (level 4)
  partial: 'partial', // một phần (level 3)
  none: 'none',
} as const
export type OnlineLevel = (typeof OnlineLevel)[keyof typeof OnlineLevel]
export const ONLINE_LEVELS = Object.values(OnlineLevel) as readonly OnlineLevel[]

export const DecidingLevel = { province: 'province', district: 'district', commune: 'commune' } as const
export type DecidingLevel = (typeof DecidingLevel)[keyof typeof DecidingLevel]
export const DECIDING_LEVELS = Object.values(DecidingLevel) as readonly DecidingLevel[]

export interface ProcedureComponent {
  name: string
  required: boolean
}

/** A procedure (thủ tục hành chính) as it comes in: from procedures.csv, the demo or an administrator. */
export interface ProcedureInput {
  /** National procedure code, e.g. `1.001193`. */
  code: string
  name: string
  field: string | null
  level: DecidingLevel
  onlineLevel: OnlineLevel
  /** Legal processing time in working days; 0 = same day; may be fractional (0.5). */
  processingDays: number
  feeVnd: number
  /** Reception cut-off for the same day, `HH:mm`; null = 17:00. Certifications use 15:00. */
  cutoffTime?: string | null
  components?: readonly ProcedureComponent[]
  /**
   * Publication, population data and payment integration (Decision 766 1.1–1.3, 3.5, 4.5a).
   * Absent = not given: what is stored stays. A field given (null = not known) replaces the
   * stored one; a field left out stays as stored (a procedures.csv gives the publication columns
   * together, and payment_integrated only when its header has that column).
   */
  publication?: Partial<ProcedurePublication>
}
