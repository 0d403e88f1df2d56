import type { LocalDate } from '../time/local-date.js'
import type { TaskInput } from './directive-rules.js'
import { lastWorkingDayBefore, type WorkingDays } from './recurrence.js'

/** The units a generated praise-and-criticism letter names, as codes. */
export interface LetterTaskFacts {
  letterDate: LocalDate
  /** "trước ngày {deadline}" in the letter. */
  deadline: LocalDate
  /** The criticised communes (seed 000: ten), in the letter's order. */
  criticised: string[]
  /** Phòng Nội vụ: the self-criticism reports go "qua Phòng Nội vụ huyện". */
  homeAffairsOffice: string | null
  /** Văn phòng HĐND&UBND: follows up and summarises weekly for the chair. */
  districtOffice: string | null
  /** The issuing unit (the chair and vice-chairs read the weekly summary). */
  issuer: string
}

/**
 * The tasks a letter like seed 000 orders, proposed for the clerk to confirm: the criticised
 * communes' self-criticism reports, due by the letter's "trước ngày" (the last working day before
 * it, as "trước ngày 25 hằng tháng" is read), and the office's weekly summary to the chair on
 * Fridays for the rest of the year ("Trong thời gian còn lại của năm").
 */
export function proposeLetterTasks(f: LetterTaskFacts, calendar: WorkingDays): TaskInput[] {
  const tasks: TaskInput[] = []
  if (f.criticised.length > 0) {
    tasks.push({
      title: 'Kiểm điểm làm rõ trách nhiệm của các công chức có liên quan, báo cáo Chủ tịch UBND huyện (qua Phòng Nội vụ huyện)',
      assignees: [...f.criticised],
      monitor: f.homeAffairsOffice ?? f.issuer,
      recurrence: 'once',
      dueOn: lastWorkingDayBefore(f.deadline, calendar),
      endsOn: null,
    })
  }
  if (f.districtOffice !== null) {
    tasks.push({
      title: 'Tổng hợp kết quả số hóa hồ sơ, chứng thực bản sao điện tử hằng tuần, báo cáo Chủ tịch, các Phó Chủ tịch UBND huyện',
      assignees: [f.districtOffice],
      monitor: f.issuer,
      recurrence: 'weekly:5',
      dueOn: null,
      endsOn: `${f.letterDate.slice(0, 4)}-12-31`,
    })
  }
  return tasks
}
