import { DateInputError, DateInputErrorCode } from './date-input-error.js'

/**
 * A calendar date with no time of day and no time zone, written YYYY-MM-DD: the form of
 * ISO 8601 and of PostgreSQL's `date`, so it crosses the database and JSON unchanged.
 * Such strings sort in date order, so `<` and `>` compare them correctly.
 */
export type LocalDate = string

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/
const MS_PER_DAY = 86_400_000

function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
    return leap ? 29 : 28
  }
  return [4, 6, 9, 11].includes(month) ? 30 : 31
}

interface DateParts {
  year: number
  month: number
  day: number
}

function partsOf(s: string): DateParts | undefined {
  const match = ISO_DATE.exec(s)
  if (!match) return undefined
  const year = Number(match[1])
  const month = Number(match[2])
  const day = Number(match[3])
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined
  return { year, month, day }
}

function requireParts(s: string): DateParts {
  const parts = partsOf(s)
  if (!parts) throw new DateInputError(DateInputErrorCode.invalidDate, s)
  return parts
}

/** True when `s` is YYYY-MM-DD and names a day that exists (2024-02-29 yes, 2022-02-30 no). */
export function isLocalDate(s: string): s is LocalDate {
  return partsOf(s) !== undefined
}

/** Checks that `s` is a real calendar date in YYYY-MM-DD form and returns it; throws otherwise. */
export function parseIsoDate(s: string): LocalDate {
  requireParts(s)
  return s
}

// Milliseconds at 00:00 UTC of the date. setUTCFullYear, unlike Date.UTC, does not turn
// years 0–99 into 1900–1999.
function utcMidnightMs({ year, month, day }: DateParts): number {
  const d = new Date(0)
  d.setUTCFullYear(year, month - 1, day)
  return d.getTime()
}

function fromUtcMs(ms: number): LocalDate {
  const d = new Date(ms)
  const year = String(d.getUTCFullYear()).padStart(4, '0')
  const month = String(d.getUTCMonth() + 1).padStart(2, '0')
  const day = String(d.getUTCDate()).padStart(2, '0')
  return `${year}-${month}-${day}`
}

/** Milliseconds since the epoch at 00:00 UTC of the date; the base of every zone-aware helper. */
export function utcMidnightOf(date: LocalDate): number {
  return utcMidnightMs(requireParts(date))
}

/** The date `n` days later (earlier when `n` is negative). */
export function addDays(date: LocalDate, n: number): LocalDate {
  if (!Number.isInteger(n)) throw new DateInputError(DateInputErrorCode.invalidDayCount, String(n))
  return fromUtcMs(utcMidnightOf(date) + n * MS_PER_DAY)
}

/** 0 = Sunday … 6 = Saturday, as in JavaScript's Date. */
export function dayOfWeek(date: LocalDate): number {
  return new Date(utcMidnightOf(date)).getUTCDay()
}

export function isWeekend(date: LocalDate): boolean {
  const day = dayOfWeek(date)
  return day === 0 || day === 6
}

export function yearOf(date: LocalDate): number {
  return requireParts(date).year
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return Math.round((utcMidnightOf(to) - utcMidnightOf(from)) / MS_PER_DAY)
}

/** '29/4' — how Vietnamese notices name a day inside a known year (used in day labels). */
export function formatDayMonth(date: LocalDate): string {
  const { month, day } = requireParts(date)
  return `${day}/${month}`
}

/** '29/4/2022' — the Vietnamese way to write a full date. */
export function formatVietnameseDate(date: LocalDate): string {
  const { year, month, day } = requireParts(date)
  return `${day}/${month}/${year}`
}
