import { DateInputError, DateInputErrorCode } from './date-input-error.js'
import { type LocalDate, utcMidnightOf } from './local-date.js'

export {
  type LocalDate,
  addDays,
  dayOfWeek,
  daysBetween,
  formatDayMonth,
  formatVietnameseDate,
  isLocalDate,
  isWeekend,
  parseIsoDate,
  yearOf,
} from './local-date.js'

/**
 * Vietnam keeps UTC+7 all year: no daylight saving since 1975. A fixed offset is therefore
 * exact, and it spares the domain code a time-zone database (and the host's TZ setting).
 */
export const VIETNAM_UTC_OFFSET_MINUTES = 7 * 60

const OFFSET_MS = VIETNAM_UTC_OFFSET_MINUTES * 60_000
const SECONDS_PER_DAY = 24 * 60 * 60
// PostgreSQL renders a `time` column as HH:MM:SS, people write HH:MM: accept both.
const CLOCK_TIME = /^([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?$/

/** A wall-clock time in Vietnam on a 24-hour clock, 'HH:MM' or 'HH:MM:SS', e.g. '17:00'. */
export type ClockTime = string

/** Seconds after midnight of a clock time; throws on anything else ('24:00', '7:00', '17h'). */
export function parseClockTime(time: ClockTime): number {
  const match = CLOCK_TIME.exec(time)
  if (!match) throw new DateInputError(DateInputErrorCode.invalidTime, time)
  return Number(match[1]) * 3600 + Number(match[2]) * 60 + Number(match[3] ?? 0)
}

function requireInstant(instant: Date): number {
  const ms = instant.getTime()
  if (Number.isNaN(ms)) throw new DateInputError(DateInputErrorCode.invalidInstant, String(instant))
  return ms
}

/** The date on a Vietnamese wall calendar at that instant. */
export function toVietnamDate(instant: Date): LocalDate {
  return new Date(requireInstant(instant) + OFFSET_MS).toISOString().slice(0, 10)
}

/** Seconds after midnight on a Vietnamese clock at that instant (0–86399). */
export function vietnamSecondsOfDay(instant: Date): number {
  const localSeconds = Math.floor((requireInstant(instant) + OFFSET_MS) / 1000)
  const seconds = localSeconds % SECONDS_PER_DAY
  return seconds < 0 ? seconds + SECONDS_PER_DAY : seconds
}

/** The instant when Vietnamese clocks show `time` on `date`. */
export function vietnamDateTime(date: LocalDate, time: ClockTime): Date {
  return new Date(utcMidnightOf(date) + parseClockTime(time) * 1000 - OFFSET_MS)
}

/** The instant a Vietnamese day begins (00:00 +07:00, i.e. 17:00 UTC the day before). */
export function startOfVietnamDay(date: LocalDate): Date {
  return vietnamDateTime(date, '00:00')
}
