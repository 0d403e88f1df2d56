import type { DatabaseHandle } from '../../db/open-database.js'
import { toVietnamDate, vietnamDateTime } from '../../domain/time/vietnam-time.js'
import { addDays } from '../../domain/time/local-date.js'
import { writeAudit } from '../audit/write-audit.js'
import { loadWorkingCalendar } from '../calendar/load-working-calendar.js'
import { findDirectiveByNumber } from '../directives/directives.repository.js'
import { saveDirective } from '../directives/record-directive.js'
import { insertJudgedSubmission } from '../directives/tasks.repository.js'
import { listCitedDocuments, saveCitedDocument } from '../letters/cited-documents.repository.js'
import { getUnitByCode } from '../units/units.repository.js'
import { DEMO_DIRECTIVE_BASIS, DEMO_DIRECTIVES, demoUnitCode, demoUnitCodes, type DemoTask } from './demo-directives.js'
import { demoAnswer, type DemoAnswer } from './demo-submissions.js'
import { TU_KY_CODE } from './demo-units.js'

const SUBMITTER = 'demo: cán bộ được giao'
const MONITOR = 'demo: tuky.vanphong'

/**
 * The seeds' directives, their tasks and how the units answered, through the same use case as
 * the API (saveDirective), in one audited transaction. Runs once: a demo that has 1262/UBND-VP
 * is left as it is.
 */
export async function seedDemoDirectives(handle: DatabaseHandle): Promise<number> {
  const db = handle.db
  const tuKy = await getUnitByCode(db, TU_KY_CODE)
  if ((await findDirectiveByNumber(db, tuKy.id, '1262/UBND-VP', '2022-09-15')) !== undefined) return 0
  const calendar = await loadWorkingCalendar(db)
  const today = toVietnamDate(new Date())
  return db.transaction().execute(async (trx) => {
    for (const doc of DEMO_DIRECTIVE_BASIS) await saveCitedDocument(trx, tuKy.id, doc)
    const cited = await listCitedDocuments(trx, TU_KY_CODE)
    const patternOf = new Map<number, { task: DemoTask; units: string[] }>()
    for (const demo of DEMO_DIRECTIVES) {
      const citedIds = demo.cites.map((number) => cited.find((c) => c.number === number)!.id)
      const tasks = demo.tasks.map((t) => ({ title: t.title, assignees: demoUnitCodes(t.assignees), monitor: demoUnitCode(t.monitor), recurrence: t.recurrence, dueOn: t.dueOn, endsOn: t.endsOn }))
      const id = await saveDirective(trx, tuKy, demo.directive, { citedDocumentIds: citedIds, tasks, fileId: null, fileSha256: null, actor: 'system' }, calendar)
      const rows = await trx.selectFrom('tasks').select(['id', 'title']).where('directive_id', '=', id).orderBy('id').execute()
      rows.forEach((row, i) => patternOf.set(row.id, { task: demo.tasks[i]!, units: tasks[i]!.assignees }))
    }
    const occurrences = await trx
      .selectFrom('task_occurrences as o')
      .innerJoin('units as u', 'u.id', 'o.unit_id')
      .select(['o.id', 'o.task_id', 'o.due_on', 'u.code'])
      .orderBy('o.task_id').orderBy('u.code').orderBy('o.due_on')
      .execute()
    let answered = 0
    for (const o of occurrences) {
      const plan = patternOf.get(o.task_id)
      if (!plan) continue
      const own = occurrences.filter((x) => x.task_id === o.task_id && x.code === o.code && x.due_on < today)
      const periodIndex = own.findIndex((x) => x.id === o.id)
      if (periodIndex < 0) continue
      let answer: DemoAnswer | null | undefined = demoAnswer(plan.task.pattern, plan.units.indexOf(o.code), periodIndex, own.length, o.due_on)
      while (answer) {
        const verdictAt = answer.verdict ? vietnamDateTime(addDays(answer.on, 1), '09:00') : null
        await insertJudgedSubmission(trx, {
          occurrenceId: o.id, submittedAt: vietnamDateTime(answer.on, answer.time), submittedBy: SUBMITTER, note: 'Báo cáo (dữ liệu mẫu)',
          verdict: answer.verdict, reason: answer.reason ?? null, verdictBy: answer.verdict ? MONITOR : null, verdictAt,
        })
        answered++
        answer = answer.then
      }
    }
    await writeAudit(trx, { actor: 'system', action: 'demo.seed_directives', entity: 'directive', summary: { directives: DEMO_DIRECTIVES.length, occurrences: occurrences.length, submissions: answered } })
    return DEMO_DIRECTIVES.length
  })
}
