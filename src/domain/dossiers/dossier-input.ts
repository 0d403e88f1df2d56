import type { DossierFlags } from './dossier-flags.js'
import type { Channel, DossierStatus, Rating } from './dossier-status.js'

/** One row of dossiers.csv (INTERCHANGE.md), typed. Codes are resolved by the importer. */
export interface DossierInput {
  code: string
  unitCode: string
  procedureCode: string
  channel: Channel
  status: DossierStatus
  receivedAt: Date
  /** null: computed from the procedure's working days. */
  dueAt: Date | null
  finishedAt: Date | null
  returnedAt: Date | null
  componentsTotal: number
  componentsDigitized: number
  resultDigitized: boolean
  feeVnd: number
  paidOnline: boolean
  ecertCopies: number
  rating: Rating | null
  /** The unit that decides it when another than the receiver (Decree 118/2025); absent: the receiver. */
  decidingUnitCode?: string | null
  /** The Decision 766 facts (optional columns); absent = not given, so stored values stay. */
  flags?: DossierFlags
}
