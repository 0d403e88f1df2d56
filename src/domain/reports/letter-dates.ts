import { addDays, type LocalDate } from '../time/local-date.js'

function parts(date: LocalDate): [year: number, month: number, day: number] {
  return date.split('-').map(Number) as [number, number, number]
}

const two = (n: number) => String(n).padStart(2, '0')

/**
 * The date line of an official document (Decree 30/2020/NĐ-CP, Appendix I): "ngày 15 tháng 9
 * năm 2022"; a day under 10 and the months 1 and 2 take a leading zero ("ngày 05 tháng 02 năm 2023").
 */
export function decreeDate(date: LocalDate): string {
  const [year, month, day] = parts(date)
  return `ngày ${two(day)} tháng ${month <= 2 ? two(month) : month} năm ${year}`
}

/** A date inside a letter's text, as the Tứ Kỳ letters write it: "20/9/2022", "05/4/2022". */
export function letterDate(date: LocalDate): string {
  const [year, month, day] = parts(date)
  return `${two(day)}/${month}/${year}`
}

/** Day and month: "05/9". */
export function letterDayMonth(date: LocalDate): string {
  const [, month, day] = parts(date)
  return `${two(day)}/${month}`
}

function lastDayOfMonth(date: LocalDate): LocalDate {
  const [year, month] = parts(date)
  const next = month === 12 ? `${year + 1}-01-01` : `${year}-${two(month + 1)}-01`
  return addDays(next, -1)
}

export interface LabelledPeriod {
  from: LocalDate
  to: LocalDate
}

/**
 * A period as a letter names it: "tháng 7/2022" for a whole month, "năm 2022" for a whole year,
 * "ngày 05/9/2022" for one day, otherwise "từ ngày 05/9-09/9/2022" (seed 000). With `withYear`
 * false a whole month is just "tháng 7": the letter writes the year once, on the last period.
 */
export function periodLabel(period: LabelledPeriod, withYear = true): string {
  const [fy, fm, fd] = parts(period.from)
  const [ty, tm] = parts(period.to)
  if (fd === 1 && fm === 1 && period.to === `${fy}-12-31`) return `năm ${fy}`
  if (fd === 1 && fy === ty && fm === tm && period.to === lastDayOfMonth(period.from)) return withYear ? `tháng ${fm}/${fy}` : `tháng ${fm}`
  if (period.from === period.to) return `ngày ${letterDate(period.from)}`
  const start = fy === ty ? letterDayMonth(period.from) : letterDate(period.from)
  return `từ ngày ${start}-${letterDate(period.to)}`
}

/** The whole calendar months before the month of `date`, oldest first: the trend's earlier periods. */
export function previousMonths(date: LocalDate, count: number): LabelledPeriod[] {
  const [year, month] = parts(date)
  const periods: LabelledPeriod[] = []
  for (let k = count; k >= 1; k--) {
    const index = year * 12 + (month - 1) - k
    const from = `${Math.floor(index / 12)}-${two((index % 12) + 1)}-01`
    periods.push({ from, to: lastDayOfMonth(from) })
  }
  return periods
}
