import { describe, expect, it } from 'vitest'
import { WorkingCalendar } from '../calendar/working-calendar.js'
import { vietnamDateTime } from '../time/vietnam-time.js'
import { judgeOnTime21, type OnTimeEvent } from './on-time-2-1.js'

const calendar = new WorkingCalendar()
const at = (date: string, time = '08:00') => vietnamDateTime(date, time)
/** The end of September 2022: 24:00 on the 30th. */
const endOfSeptember = at('2022-10-01', '00:00')

// Received Monday 5/9/2022, five working days: due Friday 9/9 at 17:00 (a plain week).
const received = at('2022-09-05')
const dueAt = at('2022-09-09', '17:00')
const receive: OnTimeEvent = { type: 'receive', at: received }

describe('2.1: a dossier handled early or on time', () => {
  it('a dossier finished before its deadline is on time', () => {
    const verdict = judgeOnTime21(calendar, { receivedAt: received, dueAt, events: [receive, { type: 'finish', at: at('2022-09-08') }] }, endOfSeptember)
    expect(verdict).toMatchObject({ onTime: true, reason: 'ended_on_time', endedAt: at('2022-09-08') })
  })

  it('finishing at 17:00 on the due date is on time; a minute later is late', () => {
    const onTheDot = judgeOnTime21(calendar, { receivedAt: received, dueAt, events: [receive, { type: 'finish', at: at('2022-09-09', '17:00') }] }, endOfSeptember)
    expect(onTheDot.onTime).toBe(true)
    const late = judgeOnTime21(calendar, { receivedAt: received, dueAt, events: [receive, { type: 'finish', at: at('2022-09-09', '17:01') }] }, endOfSeptember)
    expect(late).toMatchObject({ onTime: false, reason: 'ended_late' })
  })

  it('ends at the result, not at the later return', () => {
    const verdict = judgeOnTime21(
      calendar,
      { receivedAt: received, dueAt, events: [receive, { type: 'finish', at: at('2022-09-09') }, { type: 'return', at: at('2022-09-14') }] },
      endOfSeptember,
    )
    expect(verdict).toMatchObject({ onTime: true, endedAt: at('2022-09-09') })
  })

  it('a withdrawal ends it too', () => {
    const verdict = judgeOnTime21(calendar, { receivedAt: received, dueAt, events: [receive, { type: 'withdraw', at: at('2022-09-07') }] }, endOfSeptember)
    expect(verdict).toMatchObject({ onTime: true, endedAt: at('2022-09-07') })
  })

  it("subtracts the applicant's supplement time: two working days waiting move the deadline to Tuesday 13/9", () => {
    // Asked Tuesday 6/9, supplemented Thursday 8/9: Wednesday and Thursday do not count.
    const events: OnTimeEvent[] = [
      receive,
      { type: 'request_supplement', at: at('2022-09-06', '10:00') },
      { type: 'supplement_received', at: at('2022-09-08', '09:00') },
      { type: 'finish', at: at('2022-09-12', '15:00') },
    ]
    const verdict = judgeOnTime21(calendar, { receivedAt: received, dueAt, events }, endOfSeptember)
    expect(verdict).toMatchObject({ onTime: true, reason: 'ended_on_time', supplementWorkingDays: 2, supplementRequests: 1, adjustedDueAt: at('2022-09-13', '17:00') })
    expect(verdict.explanation).toBe('kết thúc 15:00 12/09/2022, hạn 17:00 13/09/2022 (lùi 2 ngày làm việc chờ bổ sung) → đúng hạn')
  })

  it('a dossier asked to supplement twice counts as late', () => {
    const events: OnTimeEvent[] = [
      receive,
      { type: 'request_supplement', at: at('2022-09-06') },
      { type: 'supplement_received', at: at('2022-09-06', '14:00') },
      { type: 'request_supplement', at: at('2022-09-07') },
      { type: 'supplement_received', at: at('2022-09-07', '14:00') },
      { type: 'finish', at: at('2022-09-08') },
    ]
    const verdict = judgeOnTime21(calendar, { receivedAt: received, dueAt, events }, endOfSeptember)
    expect(verdict).toMatchObject({ onTime: false, reason: 'supplemented_more_than_once', supplementRequests: 2 })
    expect(verdict.explanation).toBe('yêu cầu bổ sung 2 lần → trễ hạn')
  })

  it("an open dossier is judged at the period's end", () => {
    // Received 26/9, due Friday 30/9 17:00: still open at 24:00 on 30/9, so overdue…
    const overdue = judgeOnTime21(calendar, { receivedAt: at('2022-09-26'), dueAt: at('2022-09-30', '17:00'), events: [{ type: 'receive', at: at('2022-09-26') }] }, endOfSeptember)
    expect(overdue).toMatchObject({ onTime: false, reason: 'open_overdue', endedAt: null, judgedAt: endOfSeptember })
    // …while one due Monday 3/10 is within its deadline.
    const within = judgeOnTime21(calendar, { receivedAt: at('2022-09-28'), dueAt: at('2022-10-03', '17:00'), events: [{ type: 'receive', at: at('2022-09-28') }] }, endOfSeptember)
    expect(within).toMatchObject({ onTime: true, reason: 'open_within_deadline' })
  })

  it("a result after the period's end is not known then: the dossier is judged open", () => {
    const events: OnTimeEvent[] = [{ type: 'receive', at: at('2022-09-26') }, { type: 'finish', at: at('2022-10-04') }]
    const verdict = judgeOnTime21(calendar, { receivedAt: at('2022-09-26'), dueAt: at('2022-09-30', '17:00'), events }, endOfSeptember)
    expect(verdict).toMatchObject({ onTime: false, reason: 'open_overdue', endedAt: null })
  })

  it("a supplement still awaited at the period's end pushes the deadline up to then", () => {
    // Due Friday 30/9; asked Wednesday 28/9, not back by 24:00 on 30/9: 29/9 and 30/9 do not count → due Tuesday 4/10.
    const events: OnTimeEvent[] = [{ type: 'receive', at: at('2022-09-26') }, { type: 'request_supplement', at: at('2022-09-28') }]
    const verdict = judgeOnTime21(calendar, { receivedAt: at('2022-09-26'), dueAt: at('2022-09-30', '17:00'), events }, endOfSeptember)
    expect(verdict).toMatchObject({ onTime: true, reason: 'open_within_deadline', supplementWorkingDays: 2, adjustedDueAt: at('2022-10-04', '17:00') })
  })

  it('an imported dossier ends at the finishing time the other system gave', () => {
    const events: OnTimeEvent[] = [{ type: 'imported', at: at('2022-10-20'), status: 'returned', finishedAt: at('2022-09-12'), returnedAt: at('2022-09-13') }]
    const verdict = judgeOnTime21(calendar, { receivedAt: received, dueAt, events }, at('2022-10-21', '00:00'))
    expect(verdict).toMatchObject({ onTime: false, reason: 'ended_late', endedAt: at('2022-09-12') })
  })

  it('an import made after the period still tells what happened in it', () => {
    const events: OnTimeEvent[] = [{ type: 'imported', at: at('2022-11-02'), status: 'finished', finishedAt: at('2022-09-08') }]
    expect(judgeOnTime21(calendar, { receivedAt: received, dueAt, events }, endOfSeptember)).toMatchObject({ onTime: true, endedAt: at('2022-09-08') })
    const later: OnTimeEvent[] = [{ type: 'imported', at: at('2022-11-02'), status: 'finished', finishedAt: at('2022-10-08') }]
    expect(judgeOnTime21(calendar, { receivedAt: received, dueAt, events: later }, endOfSeptember)).toMatchObject({ onTime: false, reason: 'open_overdue' })
  })

  it('a dossier with no deadline is on time', () => {
    const verdict = judgeOnTime21(calendar, { receivedAt: received, dueAt: null, events: [receive] }, endOfSeptember)
    expect(verdict).toMatchObject({ onTime: true, reason: 'no_deadline' })
  })
})
