import Holidays, { type HolidaysTypes } from 'date-holidays'
import type { LocalDate } from '../time/local-date.js'
import { CalendarError, CalendarErrorCode } from './calendar-error.js'

/*
 * The two lunar holidays, taken from `date-holidays`, whose Vietnamese lunar calendar is
 * computed for UTC+7. That matters: in some years the new moon falls just before midnight in
 * Hà Nội and just after it in Beijing, so Tết and the Chinese New Year differ by a day
 * (2030: Tết on 2/2, Chinese New Year on 3/2).
 *
 * The library's rules are matched by their text, which is stable but not a public API; the
 * tests pin the dates for 2020–2030 so that an upgrade that changes them fails loudly.
 */

const LUNAR_NEW_YEAR_RULE = 'vietnamese 1-0-1'
const HUNG_KINGS_RULE = 'vietnamese 3-0-10'

let library: Holidays | undefined

// Built on first use: loading the country data costs a few milliseconds we need not pay at import.
function vietnamHolidays(): Holidays {
  library ??= new Holidays('VN')
  return library
}

export interface LunarHolidays {
  /** Mùng 1 tháng Giêng: the first day of the lunar year that begins in this Gregorian year. */
  lunarNewYear: LocalDate
  /** Giỗ Tổ Hùng Vương, 10 tháng 3 âm lịch. */
  hungKingsDay: LocalDate
}

function dateOfRule(holidays: readonly HolidaysTypes.Holiday[], year: number, rule: string): LocalDate {
  const found = holidays.find((h) => h.rule === rule)
  if (!found) throw new CalendarError(CalendarErrorCode.lunarDateUnknown, `date-holidays has no '${rule}' in ${year}`)
  // `date` is the local date and time, 'YYYY-MM-DD hh:mm:ss'.
  return found.date.slice(0, 10)
}

export function lunarHolidaysOf(year: number): LunarHolidays {
  const holidays = vietnamHolidays().getHolidays(year)
  return {
    lunarNewYear: dateOfRule(holidays, year, LUNAR_NEW_YEAR_RULE),
    hungKingsDay: dateOfRule(holidays, year, HUNG_KINGS_RULE),
  }
}
