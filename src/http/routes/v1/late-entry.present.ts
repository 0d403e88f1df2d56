import type { z } from 'zod'
import type { LateEntry } from '../../../contracts/late-entry.js'
import type { LateEntryRow } from '../../../modules/late-entries/late-entries.repository.js'

/** A late entry as the API shows it; a receipt counts as claimed (back-dating it only shortens the unit's own deadline). */
export function presentLateEntry(e: LateEntryRow): z.infer<typeof LateEntry> {
  return {
    id: String(e.id), field: e.field, claimed_at: e.claimed_at, recorded_at: e.recorded_at, recorded_by: e.recorded_by, reason: e.reason, confirmed_by: e.confirmed_by, confirmed_at: e.confirmed_at,
    counts_from: e.field === 'received_at' || e.confirmed_at !== null ? 'claimed_at' : 'recorded_at',
  }
}
