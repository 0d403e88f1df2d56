import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../../src/db/open-database.js'
import { loadWorkingCalendar } from '../../src/modules/calendar/load-working-calendar.js'
import { proposeTasksOfLetter } from '../../src/modules/directives/propose-letter-tasks.js'
import { recordDirective } from '../../src/modules/directives/record-directive.js'
import { importDossiers } from '../../src/modules/dossiers/import/import-dossiers.js'
import { importProcedures } from '../../src/modules/procedures/import-procedures.js'
import { letterFacts } from '../../src/modules/reports/letter-docx.js'
import { loadLetterTemplate } from '../../src/modules/reports/letter-template.js'
import { importUnits } from '../../src/modules/units/import-units.js'
import { tempDir, writeCsv } from '../support/files.js'
import { buildLetterDossiers, communeCode, DISTRICT_CODE, dossiersCsvLines, proceduresCsvLines, unitsCsvLines, WEEK } from '../support/seed-letter-data.js'
import { createTestDatabase } from '../support/test-database.js'

/** Seed 000: "Giao Chủ tịch UBND các xã: … kiểm điểm …, trước ngày 20/9/2022". */
const CRITICISED_000 = ['Văn Tố', 'Hà Thanh', 'Tân Kỳ', 'Tiên Động', 'Hưng Đạo', 'Ngọc Kỳ', 'Hà Kỳ', 'Minh Đức', 'Quang Phục', 'Chí Minh']

let handle: DatabaseHandle

beforeAll(async () => {
  handle = await createTestDatabase()
  const dir = tempDir()
  const strict = { skipInvalid: false, ignoreUnknown: false }
  const offices = [`${DISTRICT_CODE}.VP,Văn phòng HĐND và UBND huyện Tứ Kỳ,office,${DISTRICT_CODE}`, `${DISTRICT_CODE}.NV,Phòng Nội vụ huyện Tứ Kỳ,office,${DISTRICT_CODE}`]
  await importUnits(handle, writeCsv(dir, 'units.csv', [...unitsCsvLines(), ...offices]), strict)
  await importProcedures(handle, writeCsv(dir, 'procedures.csv', proceduresCsvLines()), strict)
  await importDossiers(handle, writeCsv(dir, 'dossiers.csv', dossiersCsvLines(buildLetterDossiers())), strict)
})
afterAll(async () => {
  await handle.close()
})

describe('the tasks a letter drafted from the figures orders', () => {
  it('seed 000 proposes the ten criticised communes\' reports before 20/9/2022 via Phòng Nội vụ, and the office\'s weekly summary', async () => {
    const proposal = await proposeTasksOfLetter(handle.db, { kind: 'letter', unitCode: DISTRICT_CODE, from: WEEK.from, to: WEEK.to, date: '2022-09-15' })
    expect(proposal).toMatchObject({ letterDate: '2022-09-15', deadline: '2022-09-20', topic: 'digitization' })
    const [reports, weekly] = proposal.tasks
    expect(new Set(reports!.assignees)).toEqual(new Set(CRITICISED_000.map(communeCode)))
    expect(reports).toMatchObject({ monitor: `${DISTRICT_CODE}.NV`, recurrence: 'once', dueOn: '2022-09-19' })
    expect(weekly).toMatchObject({ assignees: [`${DISTRICT_CODE}.VP`], monitor: DISTRICT_CODE, recurrence: 'weekly:5', endsOn: '2022-12-31' })
  })

  it('recorded once its number is issued, the letter is the one the next letter on the topic cites', async () => {
    const proposal = await proposeTasksOfLetter(handle.db, { kind: 'letter', unitCode: DISTRICT_CODE, from: WEEK.from, to: WEEK.to, date: '2022-09-15' })
    const calendar = await loadWorkingCalendar(handle.db)
    await recordDirective(
      handle.db,
      null,
      { unitCode: DISTRICT_CODE, directive: { direction: 'outgoing', docType: 'Công văn', number: '1262/UBND-VP', issuedOn: proposal.letterDate, issuer: 'UBND huyện Tứ Kỳ', subject: proposal.subject, topic: proposal.topic }, citedDocumentIds: [], tasks: proposal.tasks, actor: 'test' },
      calendar,
    )
    const reports = await handle.db.selectFrom('task_occurrences as o').innerJoin('tasks as t', 't.id', 'o.task_id').select('o.due_on').where('t.recurrence', '=', 'once').execute()
    expect(reports).toHaveLength(10)
    const next = await letterFacts(handle.db, await loadLetterTemplate(), { kind: 'letter', unitCode: DISTRICT_CODE, from: '2022-09-12', to: '2022-09-16', date: '2022-09-22' })
    expect(next.citations?.previousLetter).toMatchObject({ number: '1262/UBND-VP', issuedOn: '2022-09-15' })
  })
})
