import { describe, expect, it } from 'vitest'
import { DateInputError } from '../time/date-input-error.js'
import { vietnamDateTime } from '../time/vietnam-time.js'
import { CalendarError } from './calendar-error.js'
import { CERTIFICATION_CUTOFF, computeDueAt, effectiveReceiptDate, isLate, pausedWorkingDays } from './deadline.js'
import { WorkingCalendar } from './working-calendar.js'

const calendar = new WorkingCalendar()

/** An instant read off a Vietnamese clock: at('2022-08-31', '10:00'). */
const at = vietnamDateTime

function dueAt(receivedAt: Date, processingDays: number, cutoff?: string): Date {
  return computeDueAt(calendar, cutoff === undefined ? { receivedAt, processingDays } : { receivedAt, processingDays, cutoff })
}

describe('due dates around holidays', () => {
  it('a dossier received Wednesday 31/8/2022 at 10:00 with 1 working day is due Monday 5/9/2022 at 17:00 (Quốc khánh 1/9–2/9)', () => {
    const due = dueAt(at('2022-08-31', '10:00'), 1)
    expect(due).toEqual(new Date('2022-09-05T17:00:00+07:00'))
    expect(due.toISOString()).toBe('2022-09-05T10:00:00.000Z')
  })

  it('a dossier received Friday 29/4/2022 with 3 working days is due Friday 6/5/2022 (30/4–3/5/2022 were off)', () => {
    expect(dueAt(at('2022-04-29', '09:00'), 3)).toEqual(at('2022-05-06', '17:00'))
  })

  it('received Thursday 19/1/2023 with 1 working day: due Friday 27/1/2023, the first working day after Tết (20/1–26/1)', () => {
    expect(dueAt(at('2023-01-19', '10:00'), 1)).toEqual(at('2023-01-27', '17:00'))
  })

  it('received Thursday 19/1/2023 with 2 working days: due Monday 30/1/2023', () => {
    expect(dueAt(at('2023-01-19', '10:00'), 2)).toEqual(at('2023-01-30', '17:00'))
  })

  it('received Wednesday 7/2/2024 with 1 working day: due Thursday 15/2/2024, after Tết 8/2–14/2', () => {
    expect(dueAt(at('2024-02-07', '10:00'), 1)).toEqual(at('2024-02-15', '17:00'))
  })

  it('received online on Monday 12/2/2024, in the middle of Tết, it counts from Thursday 15/2/2024', () => {
    expect(effectiveReceiptDate(calendar, at('2024-02-12', '09:00'))).toBe('2024-02-15')
  })

  it('Saturday 4/5/2024 was worked in exchange for Monday 29/4: received Friday 26/4/2024 with 3 working days (2/5, 3/5, 4/5) it is due Saturday 4/5/2024 at 17:00', () => {
    expect(calendar.isWorkingDay('2024-05-04')).toBe(true)
    expect(dueAt(at('2024-04-26', '10:00'), 3)).toEqual(at('2024-05-04', '17:00'))
  })

  // Thông báo 9441/TB-BNV ngày 16/10/2025: Tết Bính Ngọ off from Monday 16/2 to Friday 20/2/2026,
  // with the weekends either side (14/2–22/2).
  it('Tết 2026 (Thông báo 9441/TB-BNV): received Friday 13/2/2026 at 09:00 with 1 working day, due Monday 23/2/2026', () => {
    expect(dueAt(at('2026-02-13', '09:00'), 1)).toEqual(at('2026-02-23', '17:00'))
  })

  it('Tết 2026 (Thông báo 9441/TB-BNV): received Friday 13/2/2026 at 17:15, it counts from Monday 23/2 and is due Tuesday 24/2/2026', () => {
    expect(effectiveReceiptDate(calendar, at('2026-02-13', '17:15'))).toBe('2026-02-23')
    expect(dueAt(at('2026-02-13', '17:15'), 1)).toEqual(at('2026-02-24', '17:00'))
  })

  it('New Year 2026 (Công văn 12729/VPCP-KGVX): received Friday 9/1/2026 with 1 working day, due Saturday 10/1/2026, the swapped working day', () => {
    expect(dueAt(at('2026-01-09', '10:00'), 1)).toEqual(at('2026-01-10', '17:00'))
  })

  it('Quốc khánh 2026 (Thông báo 9441/TB-BNV): received Friday 28/8/2026 with 1 working day, due Thursday 3/9/2026', () => {
    expect(dueAt(at('2026-08-28', '10:00'), 1)).toEqual(at('2026-09-03', '17:00'))
  })
})

describe('the cut-off', () => {
  it('received at 16:59 on Tuesday 7/3/2023 it counts that day; at 17:00 it counts from Wednesday', () => {
    expect(effectiveReceiptDate(calendar, at('2023-03-07', '16:59'))).toBe('2023-03-07')
    expect(effectiveReceiptDate(calendar, at('2023-03-07', '17:00'))).toBe('2023-03-08')
    expect(dueAt(at('2023-03-07', '16:59'), 1)).toEqual(at('2023-03-08', '17:00'))
    expect(dueAt(at('2023-03-07', '17:00'), 1)).toEqual(at('2023-03-09', '17:00'))
  })

  it('a certification (cut-off 15:00) received at 14:59 counts that day, at 15:00 the next working day', () => {
    expect(effectiveReceiptDate(calendar, at('2023-03-07', '14:59'), CERTIFICATION_CUTOFF)).toBe('2023-03-07')
    expect(effectiveReceiptDate(calendar, at('2023-03-07', '15:00'), CERTIFICATION_CUTOFF)).toBe('2023-03-08')
  })

  it('takes the cut-off as the database stores it, 15:00:00', () => {
    expect(effectiveReceiptDate(calendar, at('2023-03-07', '14:59:59'), '15:00:00')).toBe('2023-03-07')
    expect(effectiveReceiptDate(calendar, at('2023-03-07', '15:00'), '15:00:00')).toBe('2023-03-08')
  })

  it('a same-day certification received at 15:30 is due at 17:00 the next working day', () => {
    expect(dueAt(at('2023-03-07', '15:30'), 0, CERTIFICATION_CUTOFF)).toEqual(at('2023-03-08', '17:00'))
  })

  it('received on Sunday 5/3/2023 it counts from Monday 6/3, and 1 working day makes it due Tuesday 7/3', () => {
    expect(effectiveReceiptDate(calendar, at('2023-03-05', '08:00'))).toBe('2023-03-06')
    expect(dueAt(at('2023-03-05', '08:00'), 1)).toEqual(at('2023-03-07', '17:00'))
  })

  it('received on Friday evening after the cut-off it counts from Monday', () => {
    expect(effectiveReceiptDate(calendar, at('2023-03-10', '18:30'))).toBe('2023-03-13')
  })

  it('reads the cut-off on a Vietnamese clock, whatever zone the instant was written in', () => {
    expect(effectiveReceiptDate(calendar, new Date('2023-03-07T09:59:00Z'))).toBe('2023-03-07') // 16:59 in Hà Nội
    expect(effectiveReceiptDate(calendar, new Date('2023-03-07T10:00:00Z'))).toBe('2023-03-08') // 17:00 in Hà Nội
    expect(effectiveReceiptDate(calendar, new Date('2023-03-07T18:00:00Z'))).toBe('2023-03-08') // 01:00 on 8/3
  })
})

describe('processing days of 0 and fractions', () => {
  it('0 working days: due at 17:00 on the day of receipt', () => {
    expect(dueAt(at('2023-03-07', '10:00'), 0)).toEqual(at('2023-03-07', '17:00'))
  })

  it('0 working days received after the cut-off: due at 17:00 the next working day', () => {
    expect(dueAt(at('2023-03-07', '17:30'), 0)).toEqual(at('2023-03-08', '17:00'))
  })

  it('half a working day rounds up to one', () => {
    expect(dueAt(at('2023-03-07', '10:00'), 0.5)).toEqual(at('2023-03-08', '17:00'))
    expect(dueAt(at('2023-03-07', '10:00'), 2.5)).toEqual(dueAt(at('2023-03-07', '10:00'), 3))
  })

  it('a negative or missing number of days is refused', () => {
    expect(() => dueAt(at('2023-03-07', '10:00'), -1)).toThrow(CalendarError)
    expect(() => dueAt(at('2023-03-07', '10:00'), Number.NaN)).toThrow(CalendarError)
  })
})

describe('time waiting for the applicant pushes the due date back', () => {
  // Received Monday 6/3/2023 09:00 with 5 working days: due Monday 13/3/2023 at 17:00.
  const receivedAt = at('2023-03-06', '09:00')

  it('without a pause it is due Monday 13/3/2023', () => {
    expect(computeDueAt(calendar, { receivedAt, processingDays: 5 })).toEqual(at('2023-03-13', '17:00'))
  })

  it('asked to supplement on Wednesday 8/3 at 10:00, supplemented Friday 10/3 at 14:00: two working days later, Wednesday 15/3', () => {
    const pauses = [{ from: at('2023-03-08', '10:00'), to: at('2023-03-10', '14:00') }]
    expect(pausedWorkingDays(calendar, pauses)).toBe(2)
    expect(computeDueAt(calendar, { receivedAt, processingDays: 5, pauses })).toEqual(at('2023-03-15', '17:00'))
  })

  it('a pause from Friday to Monday costs one working day, the Monday', () => {
    const pauses = [{ from: at('2023-03-10', '16:00'), to: at('2023-03-13', '08:00') }]
    expect(computeDueAt(calendar, { receivedAt, processingDays: 5, pauses })).toEqual(at('2023-03-14', '17:00'))
  })

  it('a pause that begins and ends on the same day costs nothing', () => {
    const pauses = [{ from: at('2023-03-08', '09:00'), to: at('2023-03-08', '15:00') }]
    expect(computeDueAt(calendar, { receivedAt, processingDays: 5, pauses })).toEqual(at('2023-03-13', '17:00'))
  })

  it('several pauses add up', () => {
    const pauses = [
      { from: at('2023-03-07', '10:00'), to: at('2023-03-08', '10:00') },
      { from: at('2023-03-09', '10:00'), to: at('2023-03-10', '10:00') },
    ]
    expect(computeDueAt(calendar, { receivedAt, processingDays: 5, pauses })).toEqual(at('2023-03-15', '17:00'))
  })

  it('holidays inside a pause are not counted: paused over Quốc khánh 2022 from Wednesday 31/8 to Tuesday 6/9 costs 2 days (5/9, 6/9)', () => {
    expect(pausedWorkingDays(calendar, [{ from: at('2022-08-31', '10:00'), to: at('2022-09-06', '10:00') }])).toBe(2)
  })

  it('a pause still open is not counted until the dossier resumes', () => {
    const pauses = [{ from: at('2023-03-08', '10:00'), to: null }]
    expect(computeDueAt(calendar, { receivedAt, processingDays: 5, pauses })).toEqual(at('2023-03-13', '17:00'))
  })

  it('a pause that ends before it begins is refused', () => {
    const pauses = [{ from: at('2023-03-10', '10:00'), to: at('2023-03-08', '10:00') }]
    expect(() => computeDueAt(calendar, { receivedAt, processingDays: 5, pauses })).toThrow(CalendarError)
  })
})

describe('lateness', () => {
  const due = at('2022-09-05', '17:00')

  it('finishing at 17:00 on the due date is on time, one second later is late', () => {
    expect(isLate(due, at('2022-09-05', '17:00'))).toBe(false)
    expect(isLate(due, new Date(due.getTime() + 1000))).toBe(true)
  })
})

describe('invalid input', () => {
  it('a cut-off that is not HH:MM is refused', () => {
    expect(() => dueAt(at('2023-03-07', '10:00'), 1, '17h')).toThrow(DateInputError)
  })

  it('an invalid receipt instant is refused', () => {
    expect(() => dueAt(new Date('31/8/2022'), 1)).toThrow(DateInputError)
  })
})
