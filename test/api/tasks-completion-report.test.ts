import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../../src/db/open-database.js'
import { importUnits } from '../../src/modules/units/import-units.js'
import { startApiServer, stopApiServer } from '../support/api-server.js'
import { readDocx } from '../support/docx-text.js'
import { tempDir, UNITS_CSV, writeCsv } from '../support/files.js'
import { signIn, type SignedIn } from '../support/sign-in.js'

let handle: DatabaseHandle
let app: FastifyInstance
let district: SignedIn
let anThanh: SignedIn
let quangTrung: SignedIn

beforeAll(async () => {
  ;({ handle, app } = await startApiServer())
  await importUnits(handle, writeCsv(tempDir(), 'units.csv', [...UNITS_CSV, 'H23.07.03,Xã Dân Chủ,commune,H23.07']), { skipInvalid: false, ignoreUnknown: false })
  district = await signIn(app, handle, 'monitor', 'H23.07')
  anThanh = await signIn(app, handle, 'officer', 'H23.07.01')
  quangTrung = await signIn(app, handle, 'officer', 'H23.07.02')
  // The district asks its three communes for a self-criticism report by Monday 19/9/2022.
  const recorded = await district.inject({
    method: 'POST', url: '/api/v1/directives',
    payload: {
      unit: 'H23.07', direction: 'outgoing', number: '1262/UBND-VP', issued_on: '2022-09-15', issuer: 'UBND huyện Tứ Kỳ', subject: 'V/v tăng cường thực hiện số hóa hồ sơ',
      tasks: [{ title: 'Kiểm điểm làm rõ trách nhiệm, báo cáo Chủ tịch UBND huyện', assignees: ['H23.07.01', 'H23.07.02', 'H23.07.03'], monitor: 'H23.07', recurrence: 'once', due_on: '2022-09-19' }],
    },
  })
  expect(recorded.statusCode).toBe(200)
  const owed = (code: string) => recorded.json().tasks.find((t: { unit_code: string }) => t.unit_code === code).id
  // An Thanh on time, Quang Trung two days late, Dân Chủ nothing: paper reports entered late, their dates confirmed by the district.
  const paper = { note: 'Báo cáo kiểm điểm', late_entry_reason: 'Báo cáo giấy, nhập bù' }
  expect((await anThanh.inject({ method: 'POST', url: `/api/v1/tasks/${owed('H23.07.01')}/submissions`, payload: { ...paper, submitted_at: '2022-09-16T10:00:00+07:00' } })).statusCode).toBe(200)
  expect((await quangTrung.inject({ method: 'POST', url: `/api/v1/tasks/${owed('H23.07.02')}/submissions`, payload: { ...paper, submitted_at: '2022-09-21T08:00:00+07:00' } })).statusCode).toBe(200)
  for (const unit of ['H23.07.01', 'H23.07.02']) expect((await district.inject({ method: 'POST', url: `/api/v1/tasks/${owed(unit)}/review`, payload: { verdict: 'accept', confirm_late_entry: true } })).statusCode).toBe(200)
})
afterAll(() => stopApiServer({ handle, app }))

async function paragraphsOf(kind: string, query: string): Promise<string[]> {
  const response = await district.inject(`/api/v1/reports/${kind}?unit=H23.07&${query}`)
  expect(response.statusCode).toBe(200)
  return (await readDocx(response.rawPayload)).paragraphs
}

describe('the completion of the tasks in the reports and letters', () => {
  it('the monthly report says how many tasks came on time, late or not at all, naming the communes', async () => {
    const paragraphs = await paragraphsOf('monthly', 'from=2022-09-01&to=2022-09-30&date=2022-10-05')
    expect(paragraphs).toContain('VI. THỰC HIỆN NHIỆM VỤ ĐƯỢC GIAO')
    expect(paragraphs).toContain('Về thực hiện các nhiệm vụ được giao, có 3 nhiệm vụ đến hạn trong kỳ: 1 hoàn thành đúng hạn (33,33%), 1 nộp trễ hạn (Quang Trung), 1 chưa nộp (Dân Chủ).')
  })

  it('judges on the report\'s date: before Quang Trung reported, it is missing too', async () => {
    const paragraphs = await paragraphsOf('weekly', 'from=2022-09-19&to=2022-09-23&date=2022-09-20')
    expect(paragraphs).toContain('Về thực hiện các nhiệm vụ được giao, có 3 nhiệm vụ đến hạn trong kỳ: 1 hoàn thành đúng hạn (33,33%), 2 chưa nộp (Dân Chủ và Quang Trung).')
  })

  it('a week with no task due says so in the weekly summary', async () => {
    const paragraphs = await paragraphsOf('weekly', 'from=2022-10-03&to=2022-10-07&date=2022-10-10')
    expect(paragraphs).toContain('Về thực hiện các nhiệm vụ được giao, không có nhiệm vụ nào đến hạn trong kỳ.')
  })

  it('a commune\'s report counts only its own tasks', async () => {
    const response = await anThanh.inject('/api/v1/reports/monthly?unit=H23.07.01&from=2022-09-01&to=2022-09-30&date=2022-10-05')
    expect(response.statusCode).toBe(200)
    expect((await readDocx(response.rawPayload)).paragraphs).toContain('Về thực hiện các nhiệm vụ được giao, có 1 nhiệm vụ đến hạn trong kỳ: 1 hoàn thành đúng hạn (100%).')
  })

  it('the letter following up the self-criticism reports cites their completion; a letter over a period without tasks leaves the sentence out', async () => {
    const followUp = await paragraphsOf('letter', 'from=2022-09-01&to=2022-09-30&date=2022-10-05&trend=2022-08-01..2022-08-31')
    expect(followUp).toContain('Về thực hiện các nhiệm vụ UBND huyện đã giao (báo cáo kiểm điểm, báo cáo định kỳ), có 3 nhiệm vụ đến hạn trong kỳ: 1 hoàn thành đúng hạn (33,33%), 1 nộp trễ hạn (Quang Trung), 1 chưa nộp (Dân Chủ).')
    const earlier = await paragraphsOf('letter', 'from=2022-08-01&to=2022-08-31&date=2022-09-05&trend=2022-07-01..2022-07-31')
    expect(earlier.some((p) => p.includes('nhiệm vụ'))).toBe(false)
  })
})
