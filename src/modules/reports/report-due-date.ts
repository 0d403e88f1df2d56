import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import { checkPeriod } from '../../domain/indicators/period.js'
import { monthlyReportDue, type MonthlyDue } from '../../domain/reports/monthly-due-date.js'
import { toVietnamDate } from '../../domain/time/vietnam-time.js'
import { loadWorkingCalendar } from '../calendar/load-working-calendar.js'

/** When the monthly report of a period is due, on the working calendar in force, counted from today (Vietnam). */
export async function monthlyReportDueDate(db: Kysely<Database>, request: { from: string | undefined; to: string | undefined; today?: string | undefined }): Promise<MonthlyDue> {
  const period = checkPeriod(request.from, request.to)
  const today = request.today ? checkPeriod(request.today, request.today).to : toVietnamDate(new Date())
  return monthlyReportDue(period.to, today, await loadWorkingCalendar(db))
}
