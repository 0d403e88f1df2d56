import { readFileSync } from 'node:fs'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../../src/db/open-database.js'
import { verifyAuditChain } from '../../src/modules/audit/verify-audit-chain.js'
import { deliverDueMessages } from '../../src/modules/notifications/deliver-outbox.js'
import { createSmtpTransport } from '../../src/modules/notifications/message-transports.js'
import { importUnits } from '../../src/modules/units/import-units.js'
import { tempDir, UNITS_CSV, writeCsv, writeXlsx } from '../support/files.js'
import { startApiServer, stopApiServer } from '../support/api-server.js'
import { signIn, type SignedIn } from '../support/sign-in.js'
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink.js'

let handle: DatabaseHandle
let app: FastifyInstance
let sink: SmtpSink
let districtOffice: SignedIn
let anThanh: SignedIn
let quangTrung: SignedIn
let otherDistrict: SignedIn

// Tứ Kỳ with its two communes, Phòng Nội vụ and the district office; Kim Thành next door.
const EXTRA_UNITS = [
  'H23.07.NV,Phòng Nội vụ huyện Tứ Kỳ,office,H23.07',
  'H23.07.VP,Văn phòng HĐND và UBND huyện Tứ Kỳ,office,H23.07',
  'H23.08,Huyện Kim Thành,district,H23',
  'H23.08.01,Xã Lai Vu,commune,H23.08',
]

beforeAll(async () => {
  ;({ handle, app } = await startApiServer())
  await importUnits(handle, writeCsv(tempDir(), 'units.csv', [...UNITS_CSV, ...EXTRA_UNITS]), { skipInvalid: false, ignoreUnknown: false })
  sink = await startSmtpSink()
  districtOffice = await signIn(app, handle, 'monitor', 'H23.07')
  anThanh = await signIn(app, handle, 'officer', 'H23.07.01')
  quangTrung = await signIn(app, handle, 'leader', 'H23.07.02')
  otherDistrict = await signIn(app, handle, 'monitor', 'H23.08')
})
afterAll(async () => {
  await sink.close()
  await stopApiServer({ handle, app })
})

const post = (user: SignedIn, url: string, payload: object) => user.inject({ method: 'POST', url, payload })
const put = (user: SignedIn, url: string, payload: object) => user.inject({ method: 'PUT', url, payload })
const get = (user: SignedIn, url: string) => user.inject(url)
type Occurrence = { id: number; unit_code: string; title: string; state: string; timeliness: string; overdue: boolean; due_on: string; period: string; reminder: { kind: string } | null; submissions: { verdict: string | null; verdict_reason: string | null }[] }
const selfCriticism = (items: Occurrence[], unit: string) => items.find((o) => o.unit_code === unit && o.title.startsWith('Kiểm điểm'))!

// A letter like seed 000: the criticised communes report before 20/9/2022 (due Monday 19th), the office summarises every Friday.
const LETTER_1262 = {
  unit: 'H23.07', direction: 'outgoing', doc_type: 'Công văn', number: '1262/UBND-VP', issued_on: '2022-09-15', issuer: 'UBND huyện Tứ Kỳ', topic: 'digitization',
  subject: 'V/v tăng cường thực hiện số hóa hồ sơ, kết quả giải quyết TTHC và chứng thực bản sao điện tử',
  file: { file_name: '1262-UBND-VP.pdf', content_base64: Buffer.from('%PDF-1.4\n1262/UBND-VP\n%%EOF\n').toString('base64') },
  tasks: [
    { title: 'Kiểm điểm làm rõ trách nhiệm của các công chức có liên quan, báo cáo Chủ tịch UBND huyện (qua Phòng Nội vụ huyện)', assignees: ['H23.07.01', 'H23.07.02'], monitor: 'H23.07.NV', recurrence: 'once', due_on: '2022-09-19' },
    { title: 'Tổng hợp kết quả hằng tuần, báo cáo Chủ tịch, các Phó Chủ tịch UBND huyện', assignees: ['H23.07.VP'], monitor: 'H23.07', recurrence: 'weekly:5', ends_on: '2022-12-31' },
  ],
}
let directiveId: number

describe('directives and their tasks through the API', () => {
  it('the district office records letter 1262/UBND-VP as an outgoing directive with its scan and tasks; the next letter on the topic can cite it', async () => {
    const response = await post(districtOffice, '/api/v1/directives', LETTER_1262)
    expect(response.statusCode).toBe(200)
    const directive = response.json()
    directiveId = directive.id
    expect(directive).toMatchObject({ direction: 'outgoing', number: '1262/UBND-VP', label: 'Công văn số 1262/UBND-VP ngày 15/9/2022', file_name: '1262-UBND-VP.pdf' })
    expect(directive.cited_document_id).not.toBeNull()
    const units = directive.tasks.filter((t: Occurrence) => t.title.startsWith('Kiểm điểm')).map((t: Occurrence) => [t.unit_code, t.due_on, t.period])
    expect(units).toEqual([['H23.07.01', '2022-09-19', 'once'], ['H23.07.02', '2022-09-19', 'once']])
    // Weekly on Friday from the letter's date to the year's end: 16/9 … 30/12/2022, one a week.
    const weekly = directive.tasks.filter((t: Occurrence) => t.unit_code === 'H23.07.VP')
    expect(weekly[0].due_on).toBe('2022-09-16')
    expect(weekly.at(-1).due_on).toBe('2022-12-30')
    expect(new Set(weekly.map((t: Occurrence) => t.period)).size).toBe(weekly.length)

    const cited = await get(districtOffice, '/api/v1/letters/cited-documents?unit=H23.07&topic=digitization&year=2022')
    expect(cited.json()).toEqual([expect.objectContaining({ id: directive.cited_document_id, role: 'letter', number: '1262/UBND-VP', issuedOn: '2022-09-15' })])
    const file = await get(districtOffice, `/api/v1/directives/${directiveId}/file`)
    expect(file.statusCode).toBe(200)
    expect(file.body).toContain('1262/UBND-VP')
    const audit = await handle.db.selectFrom('audit_log').select('action').where('entity', '=', 'directive').execute()
    expect(audit.map((a) => a.action)).toEqual(['directive.record'])
  })

  it('recording the same letter twice is refused and changes nothing', async () => {
    const again = await post(districtOffice, '/api/v1/directives', { ...LETTER_1262, file: undefined })
    expect(again.statusCode).toBe(409)
    expect(await handle.db.selectFrom('directives').select('id').execute()).toHaveLength(1)
  })

  it('a commune sees its own tasks, the district its subtree; another district sees nothing of it', async () => {
    const own = (await get(anThanh, '/api/v1/tasks?unit=H23.07.01&on=2022-09-16')).json()
    expect(new Set(own.items.map((o: Occurrence) => o.unit_code))).toEqual(new Set(['H23.07.01']))
    expect((await get(anThanh, '/api/v1/tasks?unit=H23.07.02')).statusCode).toBe(404)
    expect((await get(anThanh, '/api/v1/tasks?unit=H23.07')).statusCode).toBe(404)
    const subtree = (await get(districtOffice, '/api/v1/tasks?unit=H23.07&on=2022-09-16')).json()
    expect(new Set(subtree.items.map((o: Occurrence) => o.unit_code))).toEqual(new Set(['H23.07.01', 'H23.07.02', 'H23.07.VP']))
    expect((await get(otherDistrict, `/api/v1/directives/${directiveId}`)).statusCode).toBe(404)
    expect((await get(otherDistrict, '/api/v1/directives')).json()).toEqual([])
    expect((await get(anThanh, '/api/v1/directives')).json().map((d: { number: string }) => d.number)).toEqual(['1262/UBND-VP'])
    // A commune sees the letter's tasks for itself only.
    const seen = (await get(anThanh, `/api/v1/directives/${directiveId}`)).json()
    expect(new Set(seen.tasks.map((o: Occurrence) => o.unit_code))).toEqual(new Set(['H23.07.01']))
  })

  it('reminds each unit by e-mail once before the deadline and once after it, through the outbox to the SMTP sink', async () => {
    expect((await put(districtOffice, '/api/v1/tasks/contacts', { unit: 'H23.07.01', email: 'AnThanh@tuky.gov.vn' })).statusCode).toBe(200)
    expect((await put(districtOffice, '/api/v1/tasks/contacts', { unit: 'H23.07.02', email: 'quangtrung@tuky.gov.vn' })).statusCode).toBe(200)
    expect((await put(districtOffice, '/api/v1/tasks/contacts', { unit: 'H23.07.02', email: 'không phải thư' })).statusCode).toBe(400)
    const transports = { email: createSmtpTransport(sink.url, 'Văn phòng HĐND và UBND huyện <vanphong@tuky.gov.vn>') }
    // Thursday 15/9: two working days before Monday 19/9.
    const before = await post(districtOffice, '/api/v1/tasks/reminders', { unit: 'H23.07', on: '2022-09-15' })
    expect(before.json()).toMatchObject({ queued: 2, repeated: 0 })
    expect((await post(districtOffice, '/api/v1/tasks/reminders', { unit: 'H23.07', on: '2022-09-16' })).json()).toMatchObject({ queued: 0, repeated: 2 })
    await deliverDueMessages(handle.db, transports)
    // Tuesday 20/9: both still missing, one reminder after the deadline each.
    expect((await post(districtOffice, '/api/v1/tasks/reminders', { unit: 'H23.07', on: '2022-09-20' })).json()).toMatchObject({ queued: 2 })
    expect((await post(districtOffice, '/api/v1/tasks/reminders', { unit: 'H23.07', on: '2022-09-21' })).json()).toMatchObject({ queued: 0 })
    await deliverDueMessages(handle.db, transports)
    await deliverDueMessages(handle.db, transports)
    const byRecipient = (to: string) => sink.received.filter((m) => m.to.includes(to)).map((m) => m.subject)
    expect(byRecipient('anthanh@tuky.gov.vn')).toEqual([expect.stringMatching(/^Nhắc hạn 19\/9\/2022: Kiểm điểm/), expect.stringMatching(/^Quá hạn 19\/9\/2022: Kiểm điểm/)])
    expect(byRecipient('quangtrung@tuky.gov.vn')).toHaveLength(2)
    expect(sink.received).toHaveLength(4)
    expect(sink.received[0]!.text).toContain('Công văn số 1262/UBND-VP ngày 15/9/2022')
  })

  it('An Thanh submits, the monitor returns it with a reason, An Thanh resubmits late, the monitor accepts; Quang Trung is missing', async () => {
    const mine = selfCriticism((await get(anThanh, '/api/v1/tasks?unit=H23.07.01&on=2022-09-16')).json().items, 'H23.07.01')
    const submitted = await post(anThanh, `/api/v1/tasks/${mine.id}/submissions`, {
      note: 'Báo cáo kiểm điểm số 15/BC-UBND', submitted_at: '2022-09-16T10:00:00+07:00', late_entry_reason: 'Báo cáo giấy nhận ngày 16/9, nhập bù',
      file: { file_name: 'bao-cao-kiem-diem.pdf', content_base64: Buffer.from('%PDF-1.4\nbao cao\n%%EOF\n').toString('base64') },
    })
    expect(submitted.statusCode).toBe(200)
    expect(submitted.json()).toMatchObject({ state: 'submitted' })
    // The commune cannot judge its own report; the other district cannot touch it.
    expect((await post(anThanh, `/api/v1/tasks/${mine.id}/review`, { verdict: 'accept' })).statusCode).toBe(403)
    expect((await post(otherDistrict, `/api/v1/tasks/${mine.id}/review`, { verdict: 'accept' })).statusCode).toBe(404)
    expect((await post(quangTrung, `/api/v1/tasks/${mine.id}/submissions`, { note: 'thay xã khác' })).statusCode).toBe(404)
    const noReason = await post(districtOffice, `/api/v1/tasks/${mine.id}/review`, { verdict: 'return' })
    expect(noReason.statusCode).toBe(400)
    expect(noReason.json().message).toContain('lý do')
    // The paper reports were entered late: the district, which follows the task, confirms their dates.
    const returned = await post(districtOffice, `/api/v1/tasks/${mine.id}/review`, { verdict: 'return', reason: 'Chưa nêu tên công chức có liên quan', confirm_late_entry: true })
    expect(returned.json()).toMatchObject({ state: 'returned', submissions: [{ verdict: 'returned', verdict_reason: 'Chưa nêu tên công chức có liên quan' }] })
    expect((await post(districtOffice, `/api/v1/tasks/${mine.id}/review`, { verdict: 'accept' })).statusCode).toBe(409)
    const resubmitted = await post(anThanh, `/api/v1/tasks/${mine.id}/submissions`, { note: 'Báo cáo bổ sung', submitted_at: '2022-09-21T08:00:00+07:00', late_entry_reason: 'Báo cáo giấy nhận ngày 21/9, nhập bù' })
    expect(resubmitted.json()).toMatchObject({ state: 'resubmitted', timeliness: 'late' })
    const accepted = await post(districtOffice, `/api/v1/tasks/${mine.id}/review`, { verdict: 'accept', confirm_late_entry: true })
    expect(accepted.json()).toMatchObject({ state: 'accepted', timeliness: 'late', delivered_on: '2022-09-21', allowed_steps: [] })
    expect((await post(anThanh, `/api/v1/tasks/${mine.id}/submissions`, { note: 'lần nữa' })).statusCode).toBe(409)

    const board = (await get(districtOffice, '/api/v1/tasks?unit=H23.07&on=2022-09-30&from=2022-09-01&to=2022-09-30')).json()
    expect(selfCriticism(board.items, 'H23.07.02')).toMatchObject({ state: 'assigned', timeliness: 'missing', overdue: true })
    const overdue = (await get(districtOffice, '/api/v1/tasks?unit=H23.07&on=2022-09-30&overdue=true')).json()
    expect(overdue.items.filter((o: Occurrence) => o.title.startsWith('Kiểm điểm')).map((o: Occurrence) => o.unit_code)).toEqual(['H23.07.02'])
    const completion = Object.fromEntries(board.completion.map((c: { unit_code: string }) => [c.unit_code, c]))
    expect(completion['H23.07.01']).toMatchObject({ on_time: 0, late: 1, missing: 0, sentence: 'đúng hạn 0/1 (0%), trễ hạn 1' })
    expect(completion['H23.07.02']).toMatchObject({ late: 0, missing: 1, on_time_rate: 0 })
    const actions = await handle.db.selectFrom('audit_log').select('action').where('entity', '=', 'task_occurrence').orderBy('id').execute()
    // The officials' steps; the system's rows (periods made, reminders queued) are its own.
    expect(actions.map((a) => a.action).filter((a) => a !== 'task.remind' && a !== 'task.occurrences')).toEqual(['task.submit', 'task.return', 'task.submit', 'task.accept'])
    expect((await verifyAuditChain(handle.db)).ok).toBe(true)
  })

  it('a file of directives with bad rows is refused whole, naming each row, field and reason', async () => {
    const dir = tempDir()
    const header = 'direction,doc_type,number,issued_on,issuer,subject,topic,task,assignees,monitor,recurrence,due_on,ends_on'
    const bad = writeCsv(dir, 'chi-dao.csv', [
      header,
      'đến,Công văn,3607/UBND-VP,28/9/2023,UBND tỉnh Hải Dương,Triển khai các nhiệm vụ cải cách TTHC trọng tâm,,Báo cáo kết quả giải quyết TTHC hằng tháng,H23.07.01;H23.07.02,H23.07.VP,monthly:25,,2023-12-31',
      'đến,Công văn,3607/UBND-VP,28/9/2023,UBND tỉnh Hải Dương,Triển khai các nhiệm vụ cải cách TTHC trọng tâm,,Niêm yết công khai TTHC,H23.08.01,H23.07.VP,once,2023-10-31,',
      'đến,Công văn,3607/UBND-VP,28/9/2023,UBND tỉnh Hải Dương,Triển khai các nhiệm vụ cải cách TTHC trọng tâm,,Tổng hợp hằng tuần,H23.07.VP,H23.07,fortnightly,,',
    ])
    const refused = await post(districtOffice, '/api/v1/directives/import', { unit: 'H23.07', file_name: 'chi-dao.csv', content_base64: readFileSync(bad).toString('base64') })
    expect(refused.statusCode).toBe(400)
    const body = refused.json()
    expect(body.message).toContain('chi-dao.csv')
    expect(body.details).toEqual([
      expect.objectContaining({ line: 3, column: 'assignees', value: 'H23.08.01' }),
      expect.objectContaining({ line: 4, column: 'recurrence' }),
    ])
    expect(await handle.db.selectFrom('directives').select('number').execute()).toEqual([{ number: '1262/UBND-VP' }])

    const good = await writeXlsx(dir, 'chi-dao.xlsx', [
      header.split(','),
      ['đến', 'Công văn', '3607/UBND-VP', '28/9/2023', 'UBND tỉnh Hải Dương', 'Triển khai các nhiệm vụ cải cách TTHC trọng tâm', '', 'Báo cáo kết quả giải quyết TTHC hằng tháng', 'H23.07.01;H23.07.02', 'H23.07.VP', 'monthly:25', '', '2023-12-31'],
      ['đến', 'Công văn', '3607/UBND-VP', '28/9/2023', 'UBND tỉnh Hải Dương', 'Triển khai các nhiệm vụ cải cách TTHC trọng tâm', '', 'Tổng hợp báo cáo kết quả hằng tuần', 'H23.07.VP', 'H23.07', 'weekly:5', '', '2023-12-31'],
    ])
    const imported = await post(districtOffice, '/api/v1/directives/import', { unit: 'H23.07', file_name: 'chi-dao.xlsx', content_base64: readFileSync(good).toString('base64') })
    expect(imported.json()).toEqual({ directives: 1, tasks: 2, read: 2 })
    const monthly = (await get(districtOffice, '/api/v1/tasks?unit=H23.07.01&on=2023-12-31&from=2023-10-01')).json().items.filter((o: Occurrence) => o.title.startsWith('Báo cáo kết quả'))
    // Before the 25th: Tuesday 24/10, Friday 24/11 and Friday 22/12 (24/12/2023 was a Sunday).
    expect(monthly.map((o: Occurrence) => o.due_on)).toEqual(['2023-10-24', '2023-11-24', '2023-12-22'])
  })
})
