import { dayOfWeek, daysBetween, type LocalDate } from '../time/local-date.js'
// "Before the 25th" is read once, for the monthly report and for tasks due monthly alike.
import { lastWorkingDayBefore } from '../directives/recurrence.js'
import { letterDate } from './letter-dates.js'

/**
 * Monthly reports go to the district "trước ngày 25 hàng tháng" (seed 003). Read strictly,
 * "before the 25th": the report is due by the end of the last working day before the 25th
 * — the 24th, or earlier when the 24th is a weekend or holiday — since the office that
 * receives it works on working days only. One constant to change if the province decides
 * otherwise.
 */
export const MONTHLY_REPORT_DAY = 25

/** A reminder is shown from this many days before the due date. */
export const REMINDER_DAYS = 5

export interface WorkingDays {
  isWorkingDay(date: LocalDate): boolean
}

export type DueStatus = 'upcoming' | 'close' | 'late'

export interface MonthlyDue {
  /** The day named by the rule ("trước ngày 25/9/2022"). */
  before: LocalDate
  /** The last working day before it: the due date. */
  due_date: LocalDate
  /** Calendar days from today to the due date; negative once it has passed. */
  days_left: number
  status: DueStatus
}

const two = (n: number) => String(n).padStart(2, '0')

/**
 * When the monthly report covering a period up to `periodTo` is due: the first monthly due
 * date on or after the period's last day (data until the 14th, as Decree 09/2019/NĐ-CP cuts
 * monthly reports, is due the same month; a whole calendar month is due in the next one).
 */
export function monthlyReportDue(periodTo: LocalDate, today: LocalDate, calendar: WorkingDays): MonthlyDue {
  let [year, month] = periodTo.split('-').map(Number) as [number, number]
  for (;;) {
    const before = `${year}-${two(month)}-${two(MONTHLY_REPORT_DAY)}`
    const due = lastWorkingDayBefore(before, calendar)
    if (due >= periodTo) {
      const daysLeft = daysBetween(today, due)
      return { before, due_date: due, days_left: daysLeft, status: daysLeft < 0 ? 'late' : daysLeft <= REMINDER_DAYS ? 'close' : 'upcoming' }
    }
    month += 1
    if (month > 12) [year, month] = [year + 1, 1]
  }
}

const WEEKDAYS = ['Chủ nhật', 'thứ Hai', 'thứ Ba', 'thứ Tư', 'thứ Năm', 'thứ Sáu', 'thứ Bảy']

/** The reminder line of `report monthly`, or null while the due date is still far. */
export function dueReminder(due: MonthlyDue): string | null {
  const deadline = `trước ngày ${letterDate(due.before)} (chậm nhất ${WEEKDAYS[dayOfWeek(due.due_date)]}, ngày ${letterDate(due.due_date)})`
  if (due.status === 'late') return `Nhắc: báo cáo tháng đã quá hạn ${due.days_left === -1 ? '1 ngày' : `${-due.days_left} ngày`}; hạn gửi ${deadline}.`
  if (due.status === 'close') return `Nhắc: báo cáo tháng phải gửi ${deadline}; ${due.days_left === 0 ? 'hạn là hôm nay' : `còn ${due.days_left} ngày`}.`
  return null
}
