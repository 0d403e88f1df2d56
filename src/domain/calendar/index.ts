// The calendar domain's public surface: working days, holidays and dossier deadlines.
export { type CalendarDay, CalendarDayKind, byDate } from './calendar-day.js'
export { CalendarError, CalendarErrorCode } from './calendar-error.js'
export { compensatoryDays } from './compensatory-days.js'
export {
  COMPUTED_COMPENSATORY_SOURCE,
  COMPUTED_SOURCE,
  type ComputedDaysOptions,
  computedDaysForYear,
  statutoryHolidays,
} from './default-days.js'
export {
  CERTIFICATION_CUTOFF,
  computeDueAt,
  DEFAULT_CUTOFF,
  type DueAtInput,
  effectiveReceiptDate,
  END_OF_WORKING_DAY,
  isLate,
  type PauseInterval,
  pausedWorkingDays,
  wholeWorkingDays,
} from './deadline.js'
export { type LunarHolidays, lunarHolidaysOf } from './lunar-days.js'
export { hasOfficialDays, OFFICIAL_YEARS, type OfficialYear, officialDaysForYear } from './vietnam-official-days.js'
export { builtInDaysForYear, type DayInfo, type DaysForYear, WorkingCalendar } from './working-calendar.js'
