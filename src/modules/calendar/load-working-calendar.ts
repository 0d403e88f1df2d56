import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import type { CalendarDay, CalendarDayKind } from '../../domain/calendar/calendar-day.js'
import { builtInDaysForYear, WorkingCalendar, type DaysForYear } from '../../domain/calendar/working-calendar.js'

/**
 * The calendar in force: a year an administrator edited comes from the database, any other
 * year from the built-in data (the announced days 2020–2026, computed defaults after).
 */
export async function loadCalendarDays(db: Kysely<Database>): Promise<DaysForYear> {
  return daysForYearFrom(await loadEditedCalendarYears(db))
}

/** The years an administrator edited, as plain data (it can be posted to a worker thread). */
export async function loadEditedCalendarYears(db: Kysely<Database>): Promise<Map<number, CalendarDay[]>> {
  const years = await db.selectFrom('calendar_years').select('year').execute()
  const days = await db.selectFrom('calendar_days').selectAll().orderBy('date').execute()
  const edited = new Map<number, CalendarDay[]>(years.map((y) => [y.year, []]))
  for (const day of days) {
    edited.get(Number(day.date.slice(0, 4)))?.push({ date: day.date, kind: day.kind as CalendarDayKind, name: day.name, source: day.source })
  }
  return edited
}

export function daysForYearFrom(edited: ReadonlyMap<number, readonly CalendarDay[]>): DaysForYear {
  return (year) => edited.get(year) ?? builtInDaysForYear(year)
}

export async function loadWorkingCalendar(db: Kysely<Database>): Promise<WorkingCalendar> {
  return new WorkingCalendar(await loadCalendarDays(db))
}
