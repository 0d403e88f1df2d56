import type { WorkingCalendar } from '../calendar/working-calendar.js'
import { AppError, ErrorCode } from '../shared/app-error.js'
import type { LocalDate } from '../time/local-date.js'
import { toVietnamDate } from '../time/vietnam-time.js'
import type { DossierStatus } from './dossier-status.js'

/** What decides whether a dossier may get an apology letter (Mẫu 04) and a new appointment. */
export interface ApologyFacts {
  status: DossierStatus
  dueAt: Date | null
  finishedAt: Date | null
}

// A dossier still in the unit's hands, or with its result ready but not yet handed back.
const APOLOGY_STATUSES: readonly DossierStatus[] = ['received', 'processing', 'supplement', 'paused', 'finished']

/** Late: its result came, or has still not come, after the appointment. */
export function isLateDossier(facts: ApologyFacts, now: Date): boolean {
  if (facts.dueAt === null) return false
  return (facts.finishedAt ?? now).getTime() > facts.dueAt.getTime()
}

/** Whether the desk may give this dossier an apology letter now: late, and not yet returned or ended. */
export function mayApologize(facts: ApologyFacts, now: Date): boolean {
  return APOLOGY_STATUSES.includes(facts.status) && isLateDossier(facts, now)
}

/**
 * Refuses, in words for the officer, an apology that the rules do not call for or a new
 * appointment the unit could not keep: the dossier must be late and not yet returned, and the
 * new date a working day from today on, after the missed appointment.
 */
export function checkApology(calendar: WorkingCalendar, facts: ApologyFacts, newDueOn: LocalDate, now: Date): void {
  if (!APOLOGY_STATUSES.includes(facts.status)) {
    throw new AppError(ErrorCode.invalidTransition, `apology for a ${facts.status} dossier`, 'Hồ sơ đã kết thúc (đã trả, từ chối hoặc rút): không còn hẹn lại ngày trả kết quả')
  }
  if (!isLateDossier(facts, now)) {
    throw new AppError(ErrorCode.invalidTransition, 'apology for a dossier not late', 'Hồ sơ chưa quá hạn: chỉ lập phiếu xin lỗi và hẹn lại khi hồ sơ trễ hạn')
  }
  if (newDueOn < toVietnamDate(now)) throw new AppError(ErrorCode.validation, 'new appointment in the past', 'Ngày hẹn lại không được trước hôm nay')
  if (facts.dueAt !== null && newDueOn <= toVietnamDate(facts.dueAt)) {
    throw new AppError(ErrorCode.validation, 'new appointment not after the old one', 'Ngày hẹn lại phải sau ngày hẹn đã lỡ')
  }
  if (!calendar.isWorkingDay(newDueOn)) throw new AppError(ErrorCode.validation, 'new appointment on a day off', 'Ngày hẹn lại phải là ngày làm việc')
}
