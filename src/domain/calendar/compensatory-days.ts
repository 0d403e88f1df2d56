import { addDays, formatDayMonth, isWeekend } from '../time/local-date.js'
import { byDate, type CalendarDay, CalendarDayKind } from './calendar-day.js'

/**
 * Bộ luật Lao động 2019, Điều 111 khoản 3: when a holiday falls on a weekly rest day the
 * worker gets the next working day off instead (nghỉ bù). "Next working day" skips weekends,
 * the other holidays and the compensatory days already given, so that Giỗ Tổ on Saturday,
 * 30/4 on Sunday and 1/5 on Monday (2023) give Tuesday 2/5 and Wednesday 3/5.
 *
 * Two holidays on the same date (possible in principle: Giỗ Tổ is movable) also give a
 * compensatory day, since the worker would otherwise lose one of the paid days the law grants.
 */
export function compensatoryDays(holidays: readonly CalendarDay[], source: string): CalendarDay[] {
  const sorted = [...holidays].sort(byDate)
  const taken = new Set(sorted.map((h) => h.date))
  const seen = new Set<string>()
  const result: CalendarDay[] = []
  for (const h of sorted) {
    const lost = isWeekend(h.date) || seen.has(h.date)
    seen.add(h.date)
    if (!lost) continue
    let date = addDays(h.date, 1)
    while (isWeekend(date) || taken.has(date)) date = addDays(date, 1)
    taken.add(date)
    result.push({ date, kind: CalendarDayKind.holiday, name: `Nghỉ bù ${h.name} ngày ${formatDayMonth(h.date)}`, source })
  }
  return result
}
