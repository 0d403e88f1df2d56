import { existsSync, readFileSync } from 'node:fs'
import { createHash } from 'node:crypto'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import type { DatabaseHandle } from '../../src/db/open-database.js'
import { addDays } from '../../src/domain/time/local-date.js'
import { toVietnamDate } from '../../src/domain/time/vietnam-time.js'
import { verifyAuditChain } from '../../src/modules/audit/verify-audit-chain.js'
import { loadWorkingCalendar } from '../../src/modules/calendar/load-working-calendar.js'
import { importDossiers } from '../../src/modules/dossiers/import/import-dossiers.js'
import { saveProcedures } from '../../src/modules/procedures/save-procedures.js'
import { importUnits } from '../../src/modules/units/import-units.js'
import { DOSSIER_HEADER, tempDir, UNITS_CSV, writeCsv } from '../support/files.js'
import { startApiServer, stopApiServer } from '../support/api-server.js'
import { signIn, type SignedIn } from '../support/sign-in.js'

const strict = { skipInvalid: false, ignoreUnknown: false }
const ID_PAPERS = 'Giấy tờ tùy thân của người yêu cầu'

/** A scan as a PDF, and a photo as a PNG: only their first bytes matter to the desk. */
const SCAN_PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n')
const PHOTO_PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('IHDR giấy chứng sinh')])
const RESULT_PDF = Buffer.from('%PDF-1.7\nGiấy xác nhận tình trạng hôn nhân, đã ký số\n%%EOF\n')
const base64 = (bytes: Buffer) => bytes.toString('base64')

let handle: DatabaseHandle
let app: FastifyInstance
let filesDir: string
let anThanhOfficer: SignedIn
let anThanhLeader: SignedIn
let quangTrungOfficer: SignedIn
let dossierCode: string

beforeAll(async () => {
  const dir = tempDir()
  filesDir = join(dir, 'files')
  ;({ handle, app } = await startApiServer({ filesDir }))
  await importUnits(handle, writeCsv(dir, 'units.csv', UNITS_CSV), strict)
  await handle.db.transaction().execute((trx) =>
    saveProcedures(trx, [
      {
        code: '1.004873', name: 'Thủ tục cấp Giấy xác nhận tình trạng hôn nhân', field: 'Hộ tịch', level: 'commune', onlineLevel: 'full', processingDays: 3, feeVnd: 5_000,
        components: [{ name: 'Tờ khai cấp Giấy xác nhận tình trạng hôn nhân', required: true }, { name: ID_PAPERS, required: true }, { name: 'Giấy tờ chứng minh đã ly hôn', required: false }],
      },
      {
        code: '2.000815', name: 'Thủ tục chứng thực bản sao từ bản chính giấy tờ, văn bản', field: 'Chứng thực', level: 'commune', onlineLevel: 'partial', processingDays: 0, feeVnd: 2_000, cutoffTime: '15:00',
        components: [{ name: 'Bản chính giấy tờ, văn bản làm cơ sở để chứng thực bản sao', required: true }, { name: 'Bản sao cần chứng thực', required: true }],
      },
    ]),
  )
  // Another dossier of An Thanh that day, already fully digitized, so a change of one dossier shows as one.
  await importDossiers(handle, writeCsv(dir, 'dossiers.csv', [DOSSIER_HEADER, 'NHAP-1,H23.07.01,1.004873,online,2022-04-29T09:00:00+07:00,,,,processing,2,2,,0,,0,']), strict)
  anThanhOfficer = await signIn(app, handle, 'officer', 'H23.07.01')
  anThanhLeader = await signIn(app, handle, 'leader', 'H23.07.01')
  quangTrungOfficer = await signIn(app, handle, 'officer', 'H23.07.02')
})
afterAll(async () => {
  await stopApiServer({ handle, app })
})

const post = (user: SignedIn, url: string, payload: object) => user.inject({ method: 'POST', url, payload })

const marriageStatusRequest = {
  unit: 'H23.07.01',
  procedure_code: '1.004873',
  applicant: { name: 'Nguyễn Thị Hoa', id_number: '030190001234', phone: '0912345678', address: 'Thôn Lạc Dục, xã An Thanh' },
  channel: 'direct',
  received_components: [1, 2],
  received_at: '2022-04-29T15:00:00+07:00',
}

async function digitizationOnReceiptDay() {
  const response = await anThanhLeader.inject('/api/v1/indicators?unit=H23.07.01&from=2022-04-29&to=2022-04-29')
  expect(response.statusCode).toBe(200)
  const { numerator, denominator } = response.json().rows[0].indicators.dossier_digitization_rate
  return { numerator, denominator }
}

describe('receiving a dossier at the one-stop desk', () => {
  it('a dossier received on Friday 29/4/2022 at 15:00 for a 3-working-day procedure is due Friday 6/5/2022 at 17:00, past the holidays', async () => {
    const response = await post(anThanhOfficer, '/api/v1/dossiers', marriageStatusRequest)
    expect(response.statusCode, response.body).toBe(200)
    const dossier = response.json()
    dossierCode = dossier.code
    expect(dossier).toMatchObject({
      code: 'H23.07.01-220429-001',
      unit_code: 'H23.07.01',
      procedure_code: '1.004873',
      status: 'received',
      received_at: '2022-04-29T08:00:00.000Z',
      due_at: '2022-05-06T10:00:00.000Z',
      components_total: 2,
      components_digitized: 0,
      fee_vnd: 5000,
      applicant_id_number: '030190001234',
    })
    expect(dossier.components.map((c: { position: number; received: boolean; digitized: boolean }) => [c.position, c.received, c.digitized])).toEqual([[1, true, false], [2, true, false], [3, false, false]])
    expect(dossier.events).toMatchObject([{ seq: 1, type: 'receive', label: 'Tiếp nhận hồ sơ', actor: `user:${anThanhOfficer.username}`, actor_name: 'Người thử officer', status_after: 'received' }])
    expect(dossier.allowed_next_events.map((e: { type: string }) => e.type)).toContain('finish')
  })

  it('a certification received at its 15:00 cut-off counts from the next working day, after the 30/4–3/5 holidays', async () => {
    const response = await post(anThanhOfficer, '/api/v1/dossiers', { ...marriageStatusRequest, procedure_code: '2.000815', received_components: [1, 2] })
    expect(response.json()).toMatchObject({ code: 'H23.07.01-220429-002', due_at: '2022-05-04T10:00:00.000Z' })
  })

  it('a dossier missing a required component is not received: the applicant is told what is missing', async () => {
    const response = await post(anThanhOfficer, '/api/v1/dossiers', { ...marriageStatusRequest, received_components: [1] })
    expect(response.statusCode).toBe(400)
    expect(response.json().message).toContain(ID_PAPERS)
  })

  it('"chung thuc", typed without diacritics, finds the certification procedure with its components', async () => {
    const response = await anThanhOfficer.inject('/api/v1/procedures?q=chung%20thuc')
    expect(response.statusCode).toBe(200)
    expect(response.json()).toMatchObject([{ code: '2.000815', processing_days: 0, online_level: 'partial', fee_vnd: 2000, cutoff_time: '15:00', components: [{ position: 1, required: true }, { position: 2 }] }])
    expect((await anThanhOfficer.inject('/api/v1/procedures?q=1.004873')).json()[0].code).toBe('1.004873')
  })
})

describe('the work queues', () => {
  it('list the dossier with the identity and phone numbers masked for a leader and plain for a one-stop officer', async () => {
    const forLeader = await anThanhLeader.inject('/api/v1/dossiers?unit=H23.07.01&queue=to_process')
    expect(forLeader.statusCode, forLeader.body).toBe(200)
    const seenByLeader = forLeader.json().items.find((d: { code: string }) => d.code === dossierCode)
    expect(seenByLeader).toMatchObject({ applicant_name: 'Nguyễn Thị Hoa', applicant_id_number: '0301******34', applicant_phone: '091****678' })
    const forOfficer = await anThanhOfficer.inject('/api/v1/dossiers?unit=H23.07.01&queue=to_process')
    expect(forOfficer.json().items.find((d: { code: string }) => d.code === dossierCode)).toMatchObject({ applicant_id_number: '030190001234', applicant_phone: '0912345678' })
    const page = (await anThanhLeader.inject(`/api/v1/dossiers/${dossierCode}`)).json()
    expect(page).toMatchObject({ applicant_id_number: '0301******34', applicant_phone: '091****678' })
  })

  it('a dossier due in May 2022 and still open is overdue; the district sees its communes’ queues, pages included', async () => {
    const overdue = (await anThanhOfficer.inject('/api/v1/dossiers?unit=H23.07.01&queue=overdue')).json()
    expect(overdue.items.map((d: { code: string }) => d.code)).toEqual(['H23.07.01-220429-002', dossierCode, 'NHAP-1'])
    expect(overdue.items.every((d: { overdue: boolean }) => d.overdue)).toBe(true)
    const districtLeader = await signIn(app, handle, 'leader', 'H23.07')
    const firstPage = (await districtLeader.inject('/api/v1/dossiers?unit=H23.07&queue=all&page=1&page_size=2')).json()
    expect(firstPage).toMatchObject({ total: 3, page: 1, page_size: 2 })
    expect(firstPage.items).toHaveLength(2)
    expect((await anThanhOfficer.inject('/api/v1/dossiers?unit=H23.07.01&queue=supplement')).json().total).toBe(0)
  })

  it('the officer’s queue "to hand over" holds the two dossiers just received at the counter, not the one already being processed', async () => {
    const toHandOver = (await anThanhOfficer.inject('/api/v1/dossiers?unit=H23.07.01&queue=to_hand_over')).json()
    expect(toHandOver.items.map((d: { code: string }) => d.code).sort()).toEqual([dossierCode, 'H23.07.01-220429-002'].sort())
    expect(toHandOver.items.every((d: { status: string }) => d.status === 'received')).toBe(true)
  })

  it('counts every queue in one answer, the same totals as each queue’s own list', async () => {
    const counts = (await anThanhOfficer.inject('/api/v1/dossier-queue-counts?unit=H23.07.01')).json() as Record<string, number>
    for (const queue of ['to_hand_over', 'to_process', 'supplement', 'due_soon', 'overdue', 'finished', 'all']) {
      const listed = (await anThanhOfficer.inject(`/api/v1/dossiers?unit=H23.07.01&queue=${queue}&page_size=1`)).json().total
      expect({ queue, count: counts[queue] }).toEqual({ queue, count: listed })
    }
    expect(counts.all).toBe(3)
    expect((await quangTrungOfficer.inject('/api/v1/dossier-queue-counts?unit=H23.07.01')).statusCode).toBe(404)
  })
})

describe('digitizing the dossier', () => {
  it('scanning every received component digitizes the dossier, and An Thanh’s digitization rate of that day moves by exactly this dossier', async () => {
    const before = await digitizationOnReceiptDay()
    const first = await post(anThanhOfficer, `/api/v1/dossiers/${dossierCode}/components/1/file`, { file_name: 'to-khai.pdf', content_base64: base64(SCAN_PDF) })
    expect(first.statusCode, first.body).toBe(200)
    expect(first.json()).toMatchObject({ components_digitized: 1, components_total: 2 })
    expect(await digitizationOnReceiptDay()).toEqual(before)
    const second = await post(anThanhOfficer, `/api/v1/dossiers/${dossierCode}/components/2/file`, { file_name: 'Căn cước công dân.png', content_base64: base64(PHOTO_PNG) })
    expect(second.json()).toMatchObject({ components_digitized: 2 })
    expect(second.json().components[1]).toMatchObject({ digitized: true, file: { name: 'Căn cước công dân.png', media_type: 'image/png', size_bytes: PHOTO_PNG.length, uploaded_by: `user:${anThanhOfficer.username}` } })
    expect(await digitizationOnReceiptDay()).toEqual({ numerator: before.numerator + 1, denominator: before.denominator })
  })

  it('the scan is stored by its content under the files folder and reads back the same, for the unit only', async () => {
    const sha = createHash('sha256').update(SCAN_PDF).digest('hex')
    expect(readFileSync(join(filesDir, sha.slice(0, 2), sha.slice(2)))).toEqual(SCAN_PDF)
    const response = await anThanhLeader.inject(`/api/v1/dossiers/${dossierCode}/components/1/file`)
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toBe('application/pdf')
    expect(response.headers['content-disposition']).toContain("filename*=UTF-8''to-khai.pdf")
    expect(response.rawPayload).toEqual(SCAN_PDF)
    expect((await anThanhLeader.inject(`/api/v1/dossiers/${dossierCode}/components/3/file`)).statusCode).toBe(404)
  })

  it('a file that is not a PDF or an image, one whose content and name disagree, and one named with folders are refused', async () => {
    const url = `/api/v1/dossiers/${dossierCode}/components/1/file`
    const text = await post(anThanhOfficer, url, { file_name: 'scan.pdf', content_base64: base64(Buffer.from('xin chào, đây không phải PDF')) })
    expect(text.statusCode).toBe(400)
    expect(text.json().message).toBe('Tệp không phải PDF hoặc ảnh (PNG, JPEG) hợp lệ')
    expect((await post(anThanhOfficer, url, { file_name: 'anh.pdf', content_base64: base64(PHOTO_PNG) })).statusCode).toBe(400)
    for (const name of ['../../x.pdf', '..\\..\\x.pdf', '/tmp/x.pdf', '.x.pdf', 'x.exe', 'x\u0000.pdf']) {
      const response = await post(anThanhOfficer, url, { file_name: name, content_base64: base64(SCAN_PDF) })
      expect(response.statusCode, name).toBe(400)
    }
    expect(existsSync(join(filesDir, '..', 'x.pdf'))).toBe(false)
    const tooBig = Buffer.concat([SCAN_PDF, Buffer.alloc(10 * 1024 * 1024 + 1 - SCAN_PDF.length)])
    const big = await post(anThanhOfficer, url, { file_name: 'qua-lon.pdf', content_base64: base64(tooBig) })
    expect(big.statusCode).toBe(400)
    expect(big.json().message).toBe('Tệp quá lớn: tối đa 10 MB')
    // A component the applicant did not hand in cannot be scanned.
    expect((await post(anThanhOfficer, `/api/v1/dossiers/${dossierCode}/components/3/file`, { file_name: 'ly-hon.pdf', content_base64: base64(SCAN_PDF) })).statusCode).toBe(409)
  })

  it('the fee is recorded as paid online, once', async () => {
    const paid = await post(anThanhOfficer, `/api/v1/dossiers/${dossierCode}/payment`, { paid_online: true })
    expect(paid.statusCode, paid.body).toBe(200)
    expect(paid.json()).toMatchObject({ paid_online: true })
    expect((await post(anThanhOfficer, `/api/v1/dossiers/${dossierCode}/payment`, { paid_online: false })).statusCode).toBe(409)
  })
})

describe('processing and returning the result', () => {
  it('returning a dossier with no result is refused (409) with the Vietnamese reason; finishing then returning works', async () => {
    const early = await post(anThanhOfficer, `/api/v1/dossiers/${dossierCode}/events`, { type: 'return' })
    expect(early.statusCode).toBe(409)
    expect(early.json().message).toBe('Không thể thực hiện "Trả kết quả" với hồ sơ đang ở trạng thái "Đã tiếp nhận": hồ sơ chưa có kết quả giải quyết')
    const noResultYet = await post(anThanhOfficer, `/api/v1/dossiers/${dossierCode}/result-file`, { file_name: 'ket-qua.pdf', content_base64: base64(RESULT_PDF) })
    expect(noResultYet.statusCode).toBe(409)

    const finished = await post(anThanhLeader, `/api/v1/dossiers/${dossierCode}/events`, { type: 'finish' })
    expect(finished.statusCode, finished.body).toBe(200)
    expect(finished.json()).toMatchObject({ status: 'finished', status_label: 'Đã xử lý xong' })
    expect(finished.json().allowed_next_events.map((e: { type: string }) => e.type)).toEqual(['return', 'withdraw'])
    expect((await anThanhOfficer.inject('/api/v1/dossiers?unit=H23.07.01&queue=finished')).json().items.map((d: { code: string }) => d.code)).toEqual([dossierCode])

    const result = await post(anThanhOfficer, `/api/v1/dossiers/${dossierCode}/result-file`, { file_name: 'ket-qua.pdf', content_base64: base64(RESULT_PDF) })
    expect(result.json()).toMatchObject({ result_digitized: true, result_file: { name: 'ket-qua.pdf', media_type: 'application/pdf' } })
    expect((await anThanhOfficer.inject(`/api/v1/dossiers/${dossierCode}/result-file`)).rawPayload).toEqual(RESULT_PDF)

    const returned = await post(anThanhOfficer, `/api/v1/dossiers/${dossierCode}/events`, { type: 'return' })
    expect(returned.statusCode).toBe(200)
    expect(returned.json().events.map((e: { type: string; status_after: string; actor: string }) => [e.type, e.status_after, e.actor])).toEqual([
      ['receive', 'received', `user:${anThanhOfficer.username}`],
      ['finish', 'finished', `user:${anThanhLeader.username}`],
      ['return', 'returned', `user:${anThanhOfficer.username}`],
    ])
    expect(returned.json().allowed_next_events).toEqual([])
  })

  it('a step that needs a reason is refused without one', async () => {
    const response = await post(anThanhOfficer, '/api/v1/dossiers/H23.07.01-220429-002/events', { type: 'request_supplement' })
    expect(response.statusCode).toBe(409)
    expect(response.json().message).toContain('cần ghi rõ lý do')
  })
})

describe('the Decision 766 facts of a dossier', () => {
  const put = (user: SignedIn, payload: object) => user.inject({ method: 'PUT', url: `/api/v1/dossiers/${dossierCode}/flags`, payload })

  it('start unknown, and the desk records that the dossier was synchronised and its electronic result issued, leaving the others unknown', async () => {
    const page = (await anThanhOfficer.inject(`/api/v1/dossiers/${dossierCode}`)).json()
    expect(page.flags).toEqual({ synced_national: null, reused_data: null, linked_data_store: null, population_data_used: null, result_on_paper: null, e_result_issued: null })

    const response = await put(anThanhOfficer, { synced_national: true, result_on_paper: true, e_result_issued: true })
    expect(response.statusCode).toBe(200)
    expect(response.json().flags).toEqual({ synced_national: true, reused_data: null, linked_data_store: null, population_data_used: null, result_on_paper: true, e_result_issued: true })
  })

  it('null says "not known" again; a field left out stays as it was', async () => {
    const response = await put(anThanhOfficer, { synced_national: null })
    expect(response.json().flags).toMatchObject({ synced_national: null, result_on_paper: true, e_result_issued: true })
  })

  it('an empty change and a value that is not true, false or null are refused in Vietnamese', async () => {
    const empty = await put(anThanhOfficer, {})
    expect(empty.statusCode).toBe(400)
    expect(empty.json().message).toBe('Chưa chọn thông tin nào để cập nhật')
    const wrong = await put(anThanhOfficer, { synced_national: 'có' })
    expect(wrong.statusCode).toBe(400)
  })
})

describe('the apology letter for a late dossier', () => {
  // H23.07.01-220429-002 was received on Friday 29/4/2022 and is still open: long past its appointment.
  const late = 'H23.07.01-220429-002'
  const apologize = (user: SignedIn, code: string, payload: object) => post(user, `/api/v1/dossiers/${code}/apology`, payload)
  // Days after today by the calendar in force, whatever day the tests run on.
  const nextDay = async (working: boolean) => {
    const calendar = await loadWorkingCalendar(handle.db)
    let day = toVietnamDate(new Date())
    do day = addDays(day, 1)
    while (calendar.isWorkingDay(day) !== working)
    return day
  }
  const nextWorkingDay = () => nextDay(true)

  it('records the reason and the new appointment; the legal due date, and so lateness, stay as they were', async () => {
    const before = (await anThanhOfficer.inject(`/api/v1/dossiers/${late}`)).json()
    const newDueOn = await nextWorkingDay()
    const response = await apologize(anThanhOfficer, late, { reason: 'Chờ xác minh của Công an huyện', new_due_on: newDueOn })
    expect(response.statusCode, response.body).toBe(200)
    const page = response.json()
    expect(page.apologies).toEqual([expect.objectContaining({ reason: 'Chờ xác minh của Công an huyện', new_due_on: newDueOn })])
    expect(page.due_at).toBe(before.due_at)
    expect(page.overdue).toBe(true)
  })

  it('is refused for a dossier already returned, on a day off and without a reason, in Vietnamese', async () => {
    const returned = await apologize(anThanhOfficer, dossierCode, { reason: 'Trễ', new_due_on: await nextWorkingDay() })
    expect(returned.statusCode).toBe(409)
    expect(returned.json().message).toContain('Hồ sơ đã kết thúc')
    const dayOff = await apologize(anThanhOfficer, late, { reason: 'Trễ', new_due_on: await nextDay(false) })
    expect(dayOff.statusCode).toBe(400)
    expect(dayOff.json().message).toBe('Ngày hẹn lại phải là ngày làm việc')
    expect((await apologize(anThanhOfficer, late, { reason: '', new_due_on: await nextWorkingDay() })).statusCode).toBe(400)
    expect((await apologize(anThanhOfficer, late, { reason: 'Trễ', new_due_on: '2026-02-30' })).statusCode).toBe(400)
  })
})

describe('another commune’s dossier', () => {
  it('an officer of Quang Trung gets 404 for An Thanh’s dossier on every desk route, and changes nothing', async () => {
    const before = await handle.db.selectFrom('dossier_events').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
    const upload = { file_name: 'x.pdf', content_base64: base64(SCAN_PDF) }
    const attempts = [
      quangTrungOfficer.inject(`/api/v1/dossiers/${dossierCode}`),
      quangTrungOfficer.inject('/api/v1/dossiers?unit=H23.07.01&queue=all'),
      post(quangTrungOfficer, '/api/v1/dossiers', marriageStatusRequest),
      post(quangTrungOfficer, `/api/v1/dossiers/${dossierCode}/events`, { type: 'withdraw', reason: 'Thử' }),
      post(quangTrungOfficer, `/api/v1/dossiers/${dossierCode}/components/1/file`, upload),
      post(quangTrungOfficer, `/api/v1/dossiers/${dossierCode}/result-file`, upload),
      quangTrungOfficer.inject(`/api/v1/dossiers/${dossierCode}/components/1/file`),
      quangTrungOfficer.inject(`/api/v1/dossiers/${dossierCode}/result-file`),
      post(quangTrungOfficer, `/api/v1/dossiers/${dossierCode}/payment`, { paid_online: false }),
      quangTrungOfficer.inject({ method: 'PUT', url: `/api/v1/dossiers/${dossierCode}/flags`, payload: { synced_national: true } }),
      post(quangTrungOfficer, `/api/v1/dossiers/H23.07.01-220429-002/apology`, { reason: 'Thử', new_due_on: '2030-01-02' }),
    ]
    for (const response of await Promise.all(attempts)) {
      expect(response.statusCode, `${response.raw.req.method} ${response.raw.req.url}`).toBe(404)
      expect(response.body).not.toContain('Nguyễn Thị Hoa')
    }
    expect((await quangTrungOfficer.inject('/api/v1/dossiers?unit=H23.07.02&queue=all')).json()).toMatchObject({ total: 0, items: [] })
    const after = await handle.db.selectFrom('dossier_events').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
    expect(Number(after.n)).toBe(Number(before.n))
  })

  it('without a session every desk route answers 401', async () => {
    expect((await app.inject(`/api/v1/dossiers/${dossierCode}`)).statusCode).toBe(401)
    expect((await app.inject('/api/v1/procedures?q=khai%20sinh')).statusCode).toBe(401)
  })

  it('every desk change is in the audit chain', async () => {
    const actions = (await handle.db.selectFrom('audit_log').select('action').where('action', 'like', 'dossier.%').orderBy('id').execute()).map((r) => r.action)
    expect(actions).toEqual([
      'dossier.receive', 'dossier.receive',
      'dossier.digitize_component', 'dossier.digitize_component', 'dossier.file_read', 'dossier.payment',
      'dossier.finish', 'dossier.digitize_result', 'dossier.file_read', 'dossier.return',
      'dossier.flags', 'dossier.flags', 'dossier.apology',
    ])
    expect((await verifyAuditChain(handle.db)).ok).toBe(true)
  })
})
