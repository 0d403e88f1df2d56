/**
 * Dates for the demo generator, in Vietnam time (UTC+7, no daylight saving).
 *
 * A *day* is an integer: days since 1970-01-01 on the Vietnamese calendar. Instants are built
 * from a day and minutes after local midnight, so a dossier received at 08:15 on 5/9/2022 is
 * exactly `2022-09-05T08:15:00+07:00` on every machine, whatever its time zone.
 *
 * This is not the product's working-day calendar (that belongs to the domain and is editable
 * by administrators). It only has to keep the demo's dossiers off days nobody works and keep
 * the on-time ones on time; see DEMO_HOLIDAYS.
 */

const MS_PER_DAY = 86_400_000
const VN_OFFSET_MS = 7 * 3_600_000

export type Day = number

export function parseIsoDay(iso: string): Day {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso)
  if (!match) throw new Error(`not a YYYY-MM-DD date: ${iso}`)
  const [, y, m, d] = match
  const ms = Date.UTC(Number(y), Number(m) - 1, Number(d))
  const day = ms / MS_PER_DAY
  if (isoOfDay(day) !== iso) throw new Error(`not a calendar date: ${iso}`)
  return day
}

export function isoOfDay(day: Day): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10)
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOf(day: Day): number {
  return (((day + 4) % 7) + 7) % 7
}

export function yearOf(day: Day): number {
  return new Date(day * MS_PER_DAY).getUTCFullYear()
}

/** 1 … 12 */
export function monthOf(day: Day): number {
  return new Date(day * MS_PER_DAY).getUTCMonth() + 1
}

/** `yymmdd`, as used in dossier codes. */
export function compactDay(day: Day): string {
  const iso = isoOfDay(day)
  return iso.slice(2, 4) + iso.slice(5, 7) + iso.slice(8, 10)
}

/** The instant at `seconds` after local midnight of `day`, Vietnam time. */
export function vnInstant(day: Day, seconds: number): Date {
  return new Date(day * MS_PER_DAY + seconds * 1000 - VN_OFFSET_MS)
}

/** The Vietnamese calendar day an instant falls on. */
export function dayOfInstant(instant: Date): Day {
  return Math.floor((instant.getTime() + VN_OFFSET_MS) / MS_PER_DAY)
}

/** Seconds after local midnight (Vietnam time) of an instant. */
export function secondsOfDay(instant: Date): number {
  const ms = instant.getTime() + VN_OFFSET_MS
  return Math.floor((ms - Math.floor(ms / MS_PER_DAY) * MS_PER_DAY) / 1000)
}

/**
 * Weekday public holidays the government announced (STACK-NOTES.md, "Calendar"): lunar Tết,
 * Giỗ Tổ Hùng Vương, 30/4–1/5, Quốc khánh and the compensatory days. Only days known to be off
 * are listed: a day missing here but off in the real calendar would only make the importer's
 * due date later than the demo assumes, never earlier. Swapped *working* Saturdays (none in
 * 2022–2023; 4/5/2024 is one) are not listed; the generator keeps one working day of margin
 * for them. For 2022 and 2023 these days match the product's calendar (demo-time.test.ts).
 */
const HOLIDAY_ISO: readonly string[] = [
  // 2022
  '2022-01-03',
  '2022-01-31', '2022-02-01', '2022-02-02', '2022-02-03', '2022-02-04',
  '2022-04-11',
  '2022-05-02', '2022-05-03',
  '2022-09-01', '2022-09-02',
  // 2023
  '2023-01-02',
  '2023-01-20', '2023-01-23', '2023-01-24', '2023-01-25', '2023-01-26',
  '2023-05-01', '2023-05-02', '2023-05-03',
  '2023-09-01', '2023-09-04',
  // 2024
  '2024-01-01',
  '2024-02-08', '2024-02-09', '2024-02-12', '2024-02-13', '2024-02-14',
  '2024-04-18',
  '2024-04-29', '2024-04-30', '2024-05-01',
  '2024-09-02', '2024-09-03',
]

export const DEMO_HOLIDAYS: ReadonlySet<Day> = new Set(HOLIDAY_ISO.map(parseIsoDay))

export function isHoliday(day: Day): boolean {
  return DEMO_HOLIDAYS.has(day)
}

/** Monday to Friday and not a listed holiday. */
export function isWorkingDay(day: Day): boolean {
  const weekday = weekdayOf(day)
  return weekday >= 1 && weekday <= 5 && !DEMO_HOLIDAYS.has(day)
}

/** `day` itself when it is a working day, else the next working day. */
export function nextWorkingDayFrom(day: Day): Day {
  let d = day
  while (!isWorkingDay(d)) d++
  return d
}

/** The working day `count` working days after `day` (`day` must be a working day). */
export function addWorkingDays(day: Day, count: number): Day {
  let d = day
  let left = count
  while (left > 0) {
    d++
    if (isWorkingDay(d)) left--
  }
  return d
}
