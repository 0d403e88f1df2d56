import type { WorkingCalendar } from '../calendar/working-calendar.js'
import { toVietnamDate } from '../time/vietnam-time.js'
import type { DossierStatus } from './dossier-status.js'

/**
 * "Never silent": a dossier in the unit's hands (received, being processed, paused) with no
 * step for this many working days is stuck — flagged on the desk and the dashboard with the
 * official holding it, before the applicant has to ask. Waiting for the applicant's supplement
 * is the applicant's turn, not silence.
 */
export const STUCK_AFTER_WORKING_DAYS = 3
export const STUCK_STATUSES: readonly DossierStatus[] = ['received', 'processing', 'paused']

/** Working days after the last step's day (Vietnam time) up to and including today. */
export function workingDaysSilent(calendar: WorkingCalendar, lastStepAt: Date, now: Date): number {
  const last = toVietnamDate(lastStepAt)
  const today = toVietnamDate(now)
  return last >= today ? 0 : calendar.workingDaysBetween(last, today)
}

export function isStuck(calendar: WorkingCalendar, status: DossierStatus, lastStepAt: Date, now: Date, afterDays = STUCK_AFTER_WORKING_DAYS): boolean {
  return STUCK_STATUSES.includes(status) && workingDaysSilent(calendar, lastStepAt, now) >= afterDays
}
