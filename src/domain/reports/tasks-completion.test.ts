import { describe, expect, it } from 'vitest'
import { tasksCompletionClause, tasksCompletionValues, type TaskOutcome } from './tasks-completion.js'

const due = (unitName: string, timeliness: TaskOutcome['timeliness']): TaskOutcome => ({ unitName, timeliness })

describe('the tasks a letter or report cites', () => {
  it('counts on time, late and missing, and names the units behind', () => {
    const outcomes = [due('An Thanh', 'on_time'), due('Quang Trung', 'late'), due('Dân Chủ', 'missing')]
    expect(tasksCompletionClause(outcomes)).toBe('có 3 nhiệm vụ đến hạn trong kỳ: 1 hoàn thành đúng hạn (33,33%), 1 nộp trễ hạn (Quang Trung), 1 chưa nộp (Dân Chủ)')
    expect(tasksCompletionValues(outcomes)).toMatchObject({ tasks_due: '3', tasks_on_time: '1', tasks_late: '1', tasks_missing: '1', tasks_late_names: 'Quang Trung', tasks_missing_names: 'Dân Chủ', tasks_behind_names: 'Dân Chủ và Quang Trung' })
  })

  it('names a unit behind on several tasks once, in alphabetical order', () => {
    const outcomes = [due('Quang Trung', 'missing'), due('An Thanh', 'missing'), due('Quang Trung', 'missing'), due('Hà Kỳ', 'on_time')]
    expect(tasksCompletionClause(outcomes)).toBe('có 4 nhiệm vụ đến hạn trong kỳ: 1 hoàn thành đúng hạn (25%), 3 chưa nộp (An Thanh và Quang Trung)')
  })

  it('says so when everything came on time, and leaves the not yet due out of the rate', () => {
    const outcomes = [due('An Thanh', 'on_time'), due('Hà Kỳ', 'on_time'), due('Dân Chủ', 'pending')]
    expect(tasksCompletionClause(outcomes)).toBe('có 3 nhiệm vụ đến hạn trong kỳ: 2 hoàn thành đúng hạn (100%), 1 chưa đến hạn')
    expect(tasksCompletionValues(outcomes)).toMatchObject({ tasks_late: '', tasks_missing: '', tasks_behind_names: '', tasks_on_time_rate: '100%' })
  })

  it('a period with no task due says so instead of leaving a hole, and its counts are empty for `when`', () => {
    expect(tasksCompletionClause([])).toBe('không có nhiệm vụ nào đến hạn trong kỳ')
    expect(tasksCompletionValues([])).toMatchObject({ tasks_completion: 'không có nhiệm vụ nào đến hạn trong kỳ', tasks_due: '', tasks_on_time: '', tasks_on_time_rate: '', tasks_behind_names: '' })
  })
})
