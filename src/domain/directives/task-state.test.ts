import { describe, expect, it } from 'vitest'
import { WorkingCalendar } from '../calendar/working-calendar.js'
import { completionOf, completionSentence } from './completion.js'
import { proposeLetterTasks } from './letter-tasks.js'
import { reminderDue } from './reminders.js'
import { allowedTaskSteps, applyTaskStep, dueThisWeek, judgeOccurrence, replayTaskState, type SubmissionFacts } from './task-state.js'

const at = (iso: string) => new Date(iso)
const submitted = (iso: string, verdict: SubmissionFacts['verdict'] = null): SubmissionFacts => ({ submittedAt: at(iso), verdict })
const calendar = new WorkingCalendar()

describe('the state of a task\'s occurrence', () => {
  it('goes assigned → submitted → returned → resubmitted → accepted, and nothing after', () => {
    let state = applyTaskStep('assigned', 'submit')
    expect(state).toBe('submitted')
    state = applyTaskStep(state, 'return')
    expect(state).toBe('returned')
    state = applyTaskStep(state, 'submit')
    expect(state).toBe('resubmitted')
    state = applyTaskStep(state, 'accept')
    expect(state).toBe('accepted')
    expect(allowedTaskSteps(state)).toEqual([])
    expect(() => applyTaskStep('accepted', 'submit')).toThrow(expect.objectContaining({ userMessage: expect.stringMatching(/đã được chấp nhận/) }))
    expect(() => applyTaskStep('assigned', 'accept')).toThrow(expect.objectContaining({ userMessage: expect.stringMatching(/Chỉ chấp nhận/) }))
    expect(() => applyTaskStep('returned', 'return')).toThrow(expect.objectContaining({ userMessage: expect.stringMatching(/Chỉ trả lại/) }))
  })

  it('is replayed from the submissions', () => {
    expect(replayTaskState([])).toBe('assigned')
    expect(replayTaskState([submitted('2022-09-16T09:00:00+07:00', 'returned'), submitted('2022-09-19T09:00:00+07:00')])).toBe('resubmitted')
  })

  it('judges by the Vietnam date of the submission that stands: on time on the due date, late the day after', () => {
    const due = '2022-09-19'
    expect(judgeOccurrence(due, [submitted('2022-09-19T23:30:00+07:00', 'accepted')], '2022-09-30').timeliness).toBe('on_time')
    // 17:30 UTC on the 19th is 00:30 on the 20th in Vietnam.
    expect(judgeOccurrence(due, [submitted('2022-09-19T17:30:00Z', 'accepted')], '2022-09-30').timeliness).toBe('late')
    expect(judgeOccurrence(due, [submitted('2022-09-16T09:00:00+07:00', 'returned'), submitted('2022-09-21T09:00:00+07:00')], '2022-09-30')).toMatchObject({ state: 'resubmitted', timeliness: 'late', deliveredOn: '2022-09-21' })
  })

  it('is missing once the due date has passed with nothing standing (a returned report delivers nothing)', () => {
    expect(judgeOccurrence('2022-09-19', [], '2022-09-19')).toMatchObject({ timeliness: 'pending', overdue: false })
    expect(judgeOccurrence('2022-09-19', [], '2022-09-20')).toMatchObject({ timeliness: 'missing', overdue: true })
    expect(judgeOccurrence('2022-09-19', [submitted('2022-09-16T09:00:00+07:00', 'returned')], '2022-09-20')).toMatchObject({ state: 'returned', timeliness: 'missing', overdue: true })
  })

  it('is due this week from today to Sunday while nothing is delivered', () => {
    const pending = judgeOccurrence('2022-09-23', [], '2022-09-19')
    expect(dueThisWeek(pending, '2022-09-23', '2022-09-19')).toBe(true)
    expect(dueThisWeek(judgeOccurrence('2022-09-26', [], '2022-09-19'), '2022-09-26', '2022-09-19')).toBe(false)
  })
})

describe('reminders before and after a deadline', () => {
  it('reminds from two working days before the due date, and in the week after it while missing', () => {
    const due = '2022-09-19' // a Monday: two working days before is Thursday 15th
    const none = (today: string) => reminderDue(due, judgeOccurrence(due, [], today), today, calendar)
    expect(none('2022-09-14')).toBeNull()
    expect(none('2022-09-15')).toBe('before')
    expect(none('2022-09-19')).toBe('before')
    expect(none('2022-09-20')).toBe('after')
    expect(none('2022-09-26')).toBe('after')
    expect(none('2022-09-27')).toBeNull()
    expect(reminderDue(due, judgeOccurrence(due, [submitted('2022-09-16T08:00:00+07:00')], '2022-09-20'), '2022-09-20', calendar)).toBeNull()
  })
})

describe('the completion indicator of a unit over a period', () => {
  it('counts on time over those judged, leaving out those not yet due', () => {
    const c = completionOf(['on_time', 'on_time', 'late', 'missing', 'pending'])
    expect(c).toEqual({ onTime: 2, late: 1, missing: 1, pending: 1, onTimeRate: 50 })
    expect(completionSentence(c)).toBe('đúng hạn 2/4 (50%), trễ hạn 1, chưa nộp 1')
    expect(completionOf(['on_time', 'on_time', 'late']).onTimeRate).toBe(66.67)
    expect(completionOf(['pending']).onTimeRate).toBeNull()
    expect(completionSentence(completionOf([]))).toBe('chưa có nhiệm vụ đến hạn')
  })
})

describe('the tasks a praise-and-criticism letter proposes', () => {
  it('self-criticism reports of the criticised communes before the letter\'s deadline, and the office\'s weekly summary', () => {
    const tasks = proposeLetterTasks({ letterDate: '2022-09-15', deadline: '2022-09-20', criticised: ['H23.07.10', 'H23.07.11'], homeAffairsOffice: 'H23.07.NV', districtOffice: 'H23.07.VP', issuer: 'H23.07' }, calendar)
    expect(tasks).toEqual([
      expect.objectContaining({ assignees: ['H23.07.10', 'H23.07.11'], monitor: 'H23.07.NV', recurrence: 'once', dueOn: '2022-09-19' }),
      expect.objectContaining({ assignees: ['H23.07.VP'], monitor: 'H23.07', recurrence: 'weekly:5', dueOn: null, endsOn: '2022-12-31' }),
    ])
  })
})
