import { describe, expect, it } from 'vitest'
import { WorkingCalendar } from '../calendar/working-calendar.js'
import { checkApology, isLateDossier, mayApologize } from './apology.js'

const calendar = new WorkingCalendar()
// Due Friday 29/4/2022 at 17:00; today Thursday 5/5/2022 at 09:00, after the 30/4–3/5 holidays.
const dueAt = new Date('2022-04-29T10:00:00Z')
const now = new Date('2022-05-05T02:00:00Z')
const late = { status: 'processing' as const, dueAt, finishedAt: null }

const refusal = (f: () => void) => {
  try {
    f()
  } catch (error) {
    return (error as { userMessage?: string }).userMessage ?? String(error)
  }
  return null
}

describe('an apology letter and a new appointment for a late dossier (Mẫu 04)', () => {
  it('a dossier due Friday 29/4/2022 and still open on Thursday 5/5/2022 is late; one finished on 29/4 at 16:00 is not', () => {
    expect(isLateDossier(late, now)).toBe(true)
    expect(isLateDossier({ status: 'finished', dueAt, finishedAt: new Date('2022-04-29T09:00:00Z') }, now)).toBe(false)
    expect(mayApologize(late, now)).toBe(true)
    expect(mayApologize({ ...late, status: 'returned' }, now)).toBe(false)
  })

  it('may promise Friday 6/5/2022, a working day after today', () => {
    expect(refusal(() => checkApology(calendar, late, '2022-05-06', now))).toBeNull()
  })

  it('may not promise Saturday 7/5/2022, a day in the past, or the missed day again', () => {
    expect(refusal(() => checkApology(calendar, late, '2022-05-07', now))).toBe('Ngày hẹn lại phải là ngày làm việc')
    expect(refusal(() => checkApology(calendar, late, '2022-05-04', now))).toBe('Ngày hẹn lại không được trước hôm nay')
    expect(refusal(() => checkApology(calendar, late, '2022-04-29', new Date('2022-04-29T11:00:00Z')))).toBe('Ngày hẹn lại phải sau ngày hẹn đã lỡ')
  })

  it('is not for a dossier on time, nor for one already returned', () => {
    expect(refusal(() => checkApology(calendar, { ...late, dueAt: new Date('2022-05-10T10:00:00Z') }, '2022-05-11', now))).toBe('Hồ sơ chưa quá hạn: chỉ lập phiếu xin lỗi và hẹn lại khi hồ sơ trễ hạn')
    expect(refusal(() => checkApology(calendar, { ...late, status: 'returned' }, '2022-05-06', now))).toContain('Hồ sơ đã kết thúc')
  })
})
