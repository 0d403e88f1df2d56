import { addDays, type LocalDate } from './local-date.js'

/** The last whole month before `today` ("2026-10-01" – "2026-10-31") and the last whole quarter ("2026-Q3"). */
export function lastWholePeriods(today: LocalDate): { month: { from: LocalDate; to: LocalDate }; quarter: string } {
  const to = addDays(`${today.slice(0, 7)}-01` as LocalDate, -1)
  const quarterOfToday = Math.ceil(Number(today.slice(5, 7)) / 3)
  const quarterEnd = addDays(`${today.slice(0, 4)}-${String((quarterOfToday - 1) * 3 + 1).padStart(2, '0')}-01` as LocalDate, -1)
  return { month: { from: `${to.slice(0, 7)}-01` as LocalDate, to }, quarter: `${quarterEnd.slice(0, 4)}-Q${Math.ceil(Number(quarterEnd.slice(5, 7)) / 3)}` }
}
