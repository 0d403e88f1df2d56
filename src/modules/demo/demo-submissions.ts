import { addDays, type LocalDate } from '../../domain/time/local-date.js'
import type { DemoTask } from './demo-directives.js'

/** One answer to an occurrence: when it came, what the monitor said, and a resubmission after a return. */
export interface DemoAnswer {
  on: LocalDate
  time: string
  verdict: 'accepted' | 'returned' | null
  reason?: string
  then?: DemoAnswer
}

const RETURN_REASON = 'Báo cáo chưa đủ nội dung theo yêu cầu, đề nghị bổ sung số liệu và nộp lại'

/**
 * How the demo's units answered, deterministically from the unit's place in the task and the
 * period's: mostly on time and accepted, some late, some awaiting review, one returned and
 * resubmitted, some missing, so every state and the completion indicator have something to show.
 * Null: nothing was submitted.
 */
export function demoAnswer(pattern: DemoTask['pattern'], unitIndex: number, periodIndex: number, periods: number, dueOn: LocalDate): DemoAnswer | null {
  const onTime = (daysBefore: number): DemoAnswer => ({ on: addDays(dueOn, -daysBefore), time: '09:30', verdict: 'accepted' })
  switch (pattern) {
    case 'self_criticism':
      // Seed 000's ten communes: six on time, one returned then late, one awaiting review, two missing.
      if (unitIndex < 6) return onTime(unitIndex % 3)
      if (unitIndex === 6) return { on: addDays(dueOn, -1), time: '15:00', verdict: 'returned', reason: RETURN_REASON, then: { on: addDays(dueOn, 2), time: '10:00', verdict: 'accepted' } }
      if (unitIndex === 7) return { on: dueOn, time: '16:45', verdict: null }
      return null
    case 'office_recurring':
      // The office's summary: on the day, late now and then, the last period still to come in.
      if (periodIndex === periods - 1) return null
      return periodIndex % 5 === 3 ? { on: addDays(dueOn, 3), time: '08:15', verdict: 'accepted' } : onTime(0)
    case 'monthly_communes': {
      const k = (unitIndex * 7 + periodIndex * 3) % 10
      if (k <= 6) return onTime(k % 3)
      if (k === 7) return { on: addDays(dueOn, 2 + (unitIndex % 3)), time: '14:00', verdict: 'accepted' }
      if (k === 8) return periodIndex === periods - 1 ? { on: dueOn, time: '11:00', verdict: null } : onTime(1)
      return null
    }
    case 'mostly_on_time': {
      const k = (unitIndex + periodIndex) % 8
      if (k === 5) return { on: addDays(dueOn, 4), time: '09:00', verdict: 'accepted' }
      if (k === 6) return { on: addDays(dueOn, -2), time: '10:30', verdict: null }
      if (k === 7) return null
      return onTime(k % 4)
    }
    case 'office_on_time':
      return onTime(1)
    case 'office_returned':
      // Returned and not yet sent again: missing once its due date has passed.
      return { on: addDays(dueOn, -3), time: '10:00', verdict: 'returned', reason: RETURN_REASON }
  }
}
