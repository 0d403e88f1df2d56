import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../../src/db/open-database.js'
import { WorkingCalendar } from '../../src/domain/calendar/working-calendar.js'
import { buildDemoDataset } from '../../src/modules/demo/demo-dataset.js'
import { DEMO_CITED_DOCUMENTS } from '../../src/modules/demo/demo-letters.js'
import { seedDemoDirectives } from '../../src/modules/demo/seed-demo-directives.js'
import { completionByUnit, taskBoard } from '../../src/modules/directives/task-board.js'
import { saveCitedDocument } from '../../src/modules/letters/cited-documents.repository.js'
import { saveUnits } from '../../src/modules/units/save-units.js'
import { createTestDatabase } from '../support/test-database.js'

let handle: DatabaseHandle
const calendar = new WorkingCalendar()

beforeAll(async () => {
  handle = await createTestDatabase()
  const units = buildDemoDataset().units
  await handle.db.transaction().execute(async (trx) => {
    await saveUnits(trx, units.map((unit, i) => ({ line: i + 2, unit })))
    const tuKy = await trx.selectFrom('units').select('id').where('code', '=', 'H23.07').executeTakeFirstOrThrow()
    for (const doc of DEMO_CITED_DOCUMENTS) await saveCitedDocument(trx, tuKy.id, doc)
  })
})
afterAll(async () => {
  await handle.close()
})

describe('the demo holds the seed letters as directives with their tasks', () => {
  it('records 000–003 (and the province letter 002 carries out) once, with submissions in every state', async () => {
    expect(await seedDemoDirectives(handle)).toBe(5)
    expect(await seedDemoDirectives(handle)).toBe(0)
    const directives = await handle.db.selectFrom('directives').select(['number', 'direction']).orderBy('issued_on').execute()
    expect(directives.map((d) => d.number)).toEqual(['…/UBND-VP (dự thảo 4/2022)', '1219/UBND-VP', '1262/UBND-VP', '3607/UBND-VP', '…/UBND-VP (dự thảo 10/2023)'])

    const all = new Set((await handle.db.selectFrom('units').select('id').execute()).map((u) => u.id))
    const board = await taskBoard(handle.db, calendar, '2023-12-31', { unitIds: all })
    const letter1262 = board.filter((i) => i.occurrence.number === '1262/UBND-VP' && i.occurrence.title.startsWith('Kiểm điểm'))
    // Seed 000's ten criticised communes, due Monday 19/9/2022 ("trước ngày 20/9/2022").
    expect(new Set(letter1262.map((i) => i.occurrence.unit_name))).toEqual(new Set(['Xã Văn Tố', 'Xã Hà Thanh', 'Xã Tân Kỳ', 'Xã Tiên Động', 'Xã Hưng Đạo', 'Xã Ngọc Kỳ', 'Xã Hà Kỳ', 'Xã Minh Đức', 'Xã Quang Phục', 'Xã Chí Minh']))
    expect(letter1262).toHaveLength(10)
    expect(new Set(letter1262.map((i) => i.occurrence.due_on))).toEqual(new Set(['2022-09-19']))
    const states = new Set(board.map((i) => i.verdict.state))
    expect(states).toEqual(new Set(['assigned', 'submitted', 'returned', 'accepted']))
    const timeliness = new Set(board.map((i) => i.verdict.timeliness))
    expect(timeliness).toEqual(new Set(['on_time', 'late', 'missing']))
    // Seed 003's monthly report: every commune, before the 25th of each month from April to December 2022.
    const monthly = board.filter((i) => i.occurrence.recurrence === 'monthly:25' && i.occurrence.unit_name === 'Xã An Thanh')
    expect(monthly.map((i) => i.occurrence.period_key)).toEqual(['2022-04', '2022-05', '2022-06', '2022-07', '2022-08', '2022-09', '2022-10', '2022-11', '2022-12'])
    const completion = completionByUnit(board)
    expect(completion).toHaveLength(23 + 4)
    for (const c of completion) expect(c.onTime + c.late + c.missing + c.pending).toBeGreaterThan(0)
  })
})

describe('a unit owes no task after its last day', () => {
  it('a monthly report ordered in 2024 with no end stops at 30/6/2025 for a district ended then, and goes on for the province', async () => {
    const { ensureOccurrences } = await import('../../src/modules/directives/ensure-occurrences.js')
    const unit = (code: string) => handle.db.selectFrom('units').select('id').where('code', '=', code).executeTakeFirstOrThrow()
    const [district, province] = [await unit('H23.07'), await unit('H23')]
    const directive = await handle.db.selectFrom('directives').select('id').orderBy('id').executeTakeFirstOrThrow()
    const task = await handle.db
      .insertInto('tasks')
      .values({ directive_id: directive.id, title: 'Báo cáo tháng (trước ngày 25)', monitor_unit_id: province.id, recurrence: 'monthly:25', due_on: null, starts_on: '2024-01-01', ends_on: null })
      .returning('id')
      .executeTakeFirstOrThrow()
    await handle.db.insertInto('task_assignees').values([{ task_id: task.id, unit_id: district.id }, { task_id: task.id, unit_id: province.id }]).execute()
    await handle.db.updateTable('units').set({ valid_to: '2025-06-30' }).where('id', '=', district.id).execute()
    await ensureOccurrences(handle.db, calendar, new Date('2026-11-26T12:00:00+07:00'))
    const dues = async (unitId: number) =>
      (await handle.db.selectFrom('task_occurrences').select('due_on').where('task_id', '=', task.id).where('unit_id', '=', unitId).orderBy('due_on').execute()).map((o) => String(o.due_on))
    const districtDues = await dues(district.id)
    // January 2024 to June 2025: eighteen months, the last due before 25/6/2025; the province owes on, to November 2026 (the months made so far).
    expect(districtDues).toHaveLength(18)
    expect(districtDues.at(-1)).toBe('2025-06-24')
    expect((await dues(province.id)).at(-1)).toBe('2026-11-24')
  })
})
