import { addDays, type LocalDate, yearOf } from '../time/local-date.js'
import { holiday } from './calendar-day-builders.js'
import { byDate, type CalendarDay } from './calendar-day.js'
import { compensatoryDays } from './compensatory-days.js'
import { lunarHolidaysOf } from './lunar-days.js'

/*
 * The holidays the law alone implies, for a year no notice covers (before 2020, or after the
 * last year in vietnam-official-days.ts). A notice usually changes them — the Tết block, the
 * second Quốc khánh day, swapped Saturdays — so these are a fallback that administrators
 * correct once the year's notice is out.
 *
 * Choices where the law leaves the decision to the Prime Minister (Điều 112 khoản 2):
 * - Tết: the last day of the old lunar year and the first four of the new one (the block
 *   `date-holidays` also uses; the notices took it in 2022 and 2026). The other pattern, two
 *   days before and three after, was taken in 2020, 2021, 2023, 2024 and 2025: pass
 *   `{ daysBeforeTet: 2 }` for it. Either way five working days are lost; only which five
 *   differs, and the year's notice settles it.
 * - Quốc khánh: 1/9 as the adjacent day. With compensation for weekends this costs the same
 *   working days as picking 3/9 whenever 2/9 falls on a Saturday, Sunday or Monday.
 */

export const COMPUTED_SOURCE = 'computed: Bộ luật Lao động 2019 Điều 112 (date-holidays)'
export const COMPUTED_COMPENSATORY_SOURCE = 'computed: Bộ luật Lao động 2019 Điều 111 khoản 3 (nghỉ bù)'
const COMPUTED_SOURCE_2012 = 'computed: Bộ luật Lao động 2012 Điều 115 (date-holidays)'

/** The year the 2019 Labour Code took effect, adding the second Quốc khánh day. */
const LABOUR_CODE_2019_FROM = 2021

export interface ComputedDaysOptions {
  /** Tết days taken before mùng 1: 1 (the last day of the old year) or 2. Default 1. */
  daysBeforeTet?: 1 | 2
}

const LAST_DAY_OF_YEAR = 'Tết Nguyên Đán (ngày cuối năm Âm lịch)'
const DAY_BEFORE_LAST = 'Tết Nguyên Đán (ngày áp cuối năm Âm lịch)'

function tetDays(lunarNewYear: LocalDate, daysBefore: 1 | 2, source: string): CalendarDay[] {
  const names = daysBefore === 2 ? [DAY_BEFORE_LAST, LAST_DAY_OF_YEAR] : [LAST_DAY_OF_YEAR]
  for (let i = 1; names.length < 5; i += 1) names.push(`Tết Nguyên Đán (mùng ${i})`)
  return names.map((name, i) => holiday(addDays(lunarNewYear, i - daysBefore), name, source))
}

/** The statutory holidays of the year, before compensation for weekends. */
export function statutoryHolidays(year: number, options: ComputedDaysOptions = {}): CalendarDay[] {
  const source = year >= LABOUR_CODE_2019_FROM ? COMPUTED_SOURCE : COMPUTED_SOURCE_2012
  const y = String(year).padStart(4, '0')
  const { lunarNewYear, hungKingsDay } = lunarHolidaysOf(year)
  const days = [
    holiday(`${y}-01-01`, 'Tết Dương lịch', source),
    ...tetDays(lunarNewYear, options.daysBeforeTet ?? 1, source),
    holiday(hungKingsDay, 'Giỗ Tổ Hùng Vương', source),
    holiday(`${y}-04-30`, 'Ngày Chiến thắng', source),
    holiday(`${y}-05-01`, 'Ngày Quốc tế lao động', source),
    holiday(`${y}-09-02`, 'Quốc khánh', source),
  ]
  if (year >= LABOUR_CODE_2019_FROM) days.push(holiday(`${y}-09-01`, 'Quốc khánh (ngày liền kề)', source))
  return days
}

/** Statutory holidays and their compensatory days, sorted by date. */
export function computedDaysForYear(year: number, options: ComputedDaysOptions = {}): CalendarDay[] {
  const holidays = statutoryHolidays(year, options)
  return [...holidays, ...compensatoryDays(holidays, COMPUTED_COMPENSATORY_SOURCE)]
    .filter((day) => yearOf(day.date) === year)
    .sort(byDate)
}
