import ExcelJS from 'exceljs'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import type { DatabaseHandle } from '../../src/db/open-database.js'
import { foldVietnamese } from '../../src/domain/procedures/search-text.js'
import { toVietnamDate } from '../../src/domain/time/vietnam-time.js'
import { verifyAuditChain } from '../../src/modules/audit/verify-audit-chain.js'
import { readDataVersion } from '../../src/modules/figure-cache/data-version.js'
import { saveProcedures } from '../../src/modules/procedures/save-procedures.js'
import { importUnits } from '../../src/modules/units/import-units.js'
import { startApiServer, stopApiServer } from '../support/api-server.js'
import { tempDir, UNITS_CSV, writeCsv } from '../support/files.js'
import { signIn, type SignedIn } from '../support/sign-in.js'

/*
 * The desk an officer works at all day (issue 15): finding a dossier, the tracking book, and work
 * that goes to a person — hand-over to a named specialist, "của tôi", a leader's approval.
 */

let handle: DatabaseHandle
let app: FastifyInstance
let officer: SignedIn
let specialist: SignedIn
let otherSpecialist: SignedIn
let leader: SignedIn
let districtLeader: SignedIn
let quangTrungOfficer: SignedIn
let quangTrungSpecialist: SignedIn
const today = toVietnamDate(new Date())

const post = (user: SignedIn, url: string, payload: object) => user.inject({ method: 'POST', url, payload })
const step = (user: SignedIn, code: string, payload: object) => post(user, `/api/v1/dossiers/${encodeURIComponent(code)}/events`, payload)
const codesOf = (page: { items: { code: string }[] }) => page.items.map((d) => d.code)

const marriage = (unit: string, name: string, idNumber: string, phone: string, receivedAt: string, procedure = '1.004873') => ({
  unit, procedure_code: procedure, applicant: { name, id_number: idNumber, phone, address: 'Thôn Lạc Dục' }, channel: 'direct', received_components: [1, 2], received_at: receivedAt,
})

async function receive(user: SignedIn, request: object): Promise<string> {
  const response = await post(user, '/api/v1/dossiers', request)
  if (response.statusCode !== 200) throw new Error(`setup: ${response.body}`)
  return (response.json() as { code: string }).code
}

let hoa: string
let duc: string
let hoaQuangTrung: string
let byLeader: string
let certification: string

beforeAll(async () => {
  ;({ handle, app } = await startApiServer())
  await importUnits(handle, writeCsv(tempDir(), 'units.csv', UNITS_CSV), { skipInvalid: false, ignoreUnknown: false })
  await handle.db.transaction().execute((trx) =>
    saveProcedures(trx, [
      {
        code: '1.004873', name: 'Thủ tục cấp Giấy xác nhận tình trạng hôn nhân', field: 'Hộ tịch', level: 'commune', onlineLevel: 'full', processingDays: 3, feeVnd: 0,
        components: [{ name: 'Tờ khai', required: true }, { name: 'Giấy tờ tùy thân', required: true }],
      },
      {
        code: '2.000815', name: 'Thủ tục chứng thực bản sao từ bản chính giấy tờ, văn bản', field: 'Chứng thực', level: 'commune', onlineLevel: 'partial', processingDays: 0, feeVnd: 0,
        components: [{ name: 'Bản chính', required: true }, { name: 'Bản sao', required: true }],
      },
    ]),
  )
  officer = await signIn(app, handle, 'officer', 'H23.07.01')
  specialist = await signIn(app, handle, 'specialist', 'H23.07.01')
  otherSpecialist = await signIn(app, handle, 'specialist', 'H23.07.01')
  leader = await signIn(app, handle, 'leader', 'H23.07.01')
  districtLeader = await signIn(app, handle, 'leader', 'H23.07')
  quangTrungOfficer = await signIn(app, handle, 'officer', 'H23.07.02')
  quangTrungSpecialist = await signIn(app, handle, 'specialist', 'H23.07.02')
  hoa = await receive(officer, marriage('H23.07.01', 'Nguyễn Thị Hoa', '030190001234', '0912345678', '2022-09-05T09:00:00+07:00'))
  duc = await receive(officer, marriage('H23.07.01', 'Trần Văn Đức', '030188004321', '0987654321', '2022-09-06T09:00:00+07:00'))
  // A namesake at the next commune: never in An Thanh's answers.
  hoaQuangTrung = await receive(quangTrungOfficer, marriage('H23.07.02', 'Nguyễn Thị Hoà', '030190009999', '0912000111', '2022-09-05T10:00:00+07:00'))
  byLeader = await receive(leader, marriage('H23.07.01', 'Lê Văn Nam', '030177000001', '0905000001', '2022-09-07T09:00:00+07:00'))
  certification = await receive(officer, marriage('H23.07.01', 'Phạm Thị Lan', '030199000002', '0905000002', '2022-09-08T09:00:00+07:00', '2.000815'))
})
afterAll(async () => {
  await stopApiServer({ handle, app })
})

describe('finding a dossier from the desk’s one search box', () => {
  const search = (user: SignedIn, unit: string, q: string, extra = '') => user.inject(`/api/v1/dossiers?unit=${unit}&q=${encodeURIComponent(q)}${extra}`)

  it('finds the applicant by name typed without diacritics, in the caller’s commune only', async () => {
    const response = await search(officer, 'H23.07.01', 'nguyen thi hoa')
    expect(response.statusCode, response.body).toBe(200)
    expect(codesOf(response.json())).toEqual([hoa])
    expect(codesOf((await search(officer, 'H23.07.01', 'tran van duc')).json())).toEqual([duc])
    expect(codesOf((await search(officer, 'H23.07.01', 'Trần Văn Đức')).json())).toEqual([duc])
    expect(codesOf((await search(quangTrungOfficer, 'H23.07.02', 'nguyen thi hoa')).json())).toEqual([hoaQuangTrung])
  })

  it('the district sees both communes’ namesakes; another commune’s officer is refused An Thanh', async () => {
    expect(codesOf((await search(districtLeader, 'H23.07', 'NGUYEN THI HOA')).json()).sort()).toEqual([hoa, hoaQuangTrung].sort())
    const foreign = await search(quangTrungOfficer, 'H23.07.01', 'nguyen thi hoa')
    expect(foreign.statusCode).toBe(404)
    expect(foreign.body).not.toContain(hoa)
  })

  it('finds by phone (with or without spaces), by identity number and by code, the exact code first', async () => {
    expect(codesOf((await search(officer, 'H23.07.01', '0912345678')).json())).toEqual([hoa])
    expect(codesOf((await search(officer, 'H23.07.01', '0912 345 678')).json())).toEqual([hoa])
    expect(codesOf((await search(officer, 'H23.07.01', '030188004321')).json())).toEqual([duc])
    expect(codesOf((await search(officer, 'H23.07.01', duc)).json())[0]).toBe(duc)
    expect(codesOf((await search(officer, 'H23.07.01', duc.toLowerCase())).json())).toEqual([duc])
    // Quang Trung's phone is not An Thanh's to find.
    expect((await search(officer, 'H23.07.01', '0912000111')).json().total).toBe(0)
  })

  it('a leader, who sees identity and phone numbers masked, cannot find a dossier by them', async () => {
    expect((await search(leader, 'H23.07.01', '0912345678')).json().total).toBe(0)
    expect(codesOf((await search(leader, 'H23.07.01', 'nguyen thi hoa')).json())).toEqual([hoa])
  })

  it('results are paginated; a search within a queue keeps the queue', async () => {
    const first = (await search(officer, 'H23.07.01', 'thon', '&page=1&page_size=2')).json()
    const second = (await search(officer, 'H23.07.01', 'h23.07.01', '&page=2&page_size=2')).json()
    expect(first.total).toBe(0) // the address is not searched: only code, name, identity and phone
    expect(second).toMatchObject({ total: 4, page: 2, page_size: 2 })
    expect(second.items).toHaveLength(2)
    expect((await search(officer, 'H23.07.01', 'nguyen', '&queue=finished')).json().total).toBe(0)
  })

  it('a query too short, too long or with control characters is refused in Vietnamese', async () => {
    const short = await search(officer, 'H23.07.01', 'a')
    expect(short.statusCode).toBe(400)
    expect(short.json().message).toContain('Nhập ít nhất 2 ký tự để tìm hồ sơ')
    expect((await search(officer, 'H23.07.01', 'x'.repeat(101))).statusCode).toBe(400)
    expect((await search(officer, 'H23.07.01', 'hoa\u0007')).statusCode).toBe(400)
    // An empty box is the queue itself.
    expect((await search(officer, 'H23.07.01', '', '&queue=to_hand_over')).json().total).toBe((await officer.inject('/api/v1/dossiers?unit=H23.07.01&queue=to_hand_over')).json().total)
  })

  it('the database folds every Vietnamese letter as the domain does', async () => {
    const letters = 'ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬàáảãạăằắẳẵặâầấẩẫậĐđÈÉẺẼẸÊỀẾỂỄỆèéẻẽẹêềếểễệÌÍỈĨỊìíỉĩịÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢòóỏõọôồốổỗộơờớởỡợÙÚỦŨỤƯỪỨỬỮỰùúủũụưừứửữựỲÝỶỸỴỳýỷỹỵ'
    for (const text of [letters, letters.normalize('NFD'), '  Nguyễn   Thị  Hoà ']) {
      const { rows } = await sql<{ folded: string }>`select motcua_fold(${text}) as folded`.execute(handle.db)
      expect(rows[0]!.folded).toBe(foldVietnamese(text))
    }
  })
})

describe('work goes to a person', () => {
  it('the hand-over offers the specialists of the unit, not its officer, leader or another commune’s', async () => {
    const response = await officer.inject(`/api/v1/dossiers/${hoa}/hand-over-options`)
    expect(response.statusCode, response.body).toBe(200)
    const units = response.json() as { code: string; specialists: { username: string }[] }[]
    expect(units[0]!.code).toBe('H23.07.01')
    expect(units[0]!.specialists.map((s) => s.username).sort()).toEqual([specialist.username, otherSpecialist.username].sort())
    expect(units.flatMap((u) => u.specialists.map((s) => s.username))).not.toContain(quangTrungSpecialist.username)
    expect((await quangTrungOfficer.inject(`/api/v1/dossiers/${hoa}/hand-over-options`)).statusCode).toBe(404)
  })

  it('a hand-over to someone who is not a specialist of the unit is refused and changes nothing', async () => {
    const notSpecialist = await step(officer, hoa, { type: 'hand_over', assignee: leader.username })
    expect(notSpecialist.statusCode).toBe(400)
    expect(notSpecialist.json().message).toBe(`Tài khoản "${leader.username}" không phải chuyên viên xử lý đang hoạt động của đơn vị H23.07.01`)
    expect((await step(officer, hoa, { type: 'hand_over', assignee: quangTrungSpecialist.username })).statusCode).toBe(404)
    expect((await step(officer, hoa, { type: 'hand_over', to_unit: 'H23.07.01', assignee: quangTrungSpecialist.username })).statusCode).toBe(400)
    expect((await step(officer, hoa, { type: 'finish', assignee: specialist.username })).statusCode).toBe(400)
    expect((await officer.inject(`/api/v1/dossiers/${hoa}`)).json()).toMatchObject({ status: 'received', assignee_username: null })
  })

  it('a hand-over names the specialist: the dossier is theirs, in their "của tôi" queue and no one else’s; it bumps the data version', async () => {
    const before = await readDataVersion(handle.db)
    const response = await step(officer, hoa, { type: 'hand_over', assignee: specialist.username })
    expect(response.statusCode, response.body).toBe(200)
    expect(await readDataVersion(handle.db)).toBeGreaterThan(before)
    const page = response.json()
    expect(page).toMatchObject({ status: 'processing', status_label: 'Đang xử lý', assignee_username: specialist.username, assignee_name: 'Người thử specialist', assigned_unit_code: 'H23.07.01' })
    expect(page.events.at(-1)).toMatchObject({ type: 'hand_over', assignee: specialist.username, assigned_unit: 'H23.07.01' })
    expect(page.allowed_next_events.map((e: { type: string }) => e.type)).not.toContain('hand_over')
    expect(codesOf((await specialist.inject('/api/v1/dossiers?unit=H23.07.01&queue=mine')).json())).toEqual([hoa])
    expect((await otherSpecialist.inject('/api/v1/dossiers?unit=H23.07.01&queue=mine')).json().total).toBe(0)
    expect((await specialist.inject('/api/v1/dossier-queue-counts?unit=H23.07.01')).json().mine).toBe(1)
  })

  it('a second hand-over is refused (409) with the reason', async () => {
    const again = await step(officer, hoa, { type: 'hand_over', assignee: otherSpecialist.username })
    expect(again.statusCode).toBe(409)
    expect(again.json().message).toBe('Không thể thực hiện "Chuyển xử lý": hồ sơ đã được chuyển xử lý')
  })

  it('a dossier handed to the unit is assigned to a person of it afterwards, once', async () => {
    const toUnit = await step(officer, duc, { type: 'hand_over', to_unit: 'H23.07.01' })
    expect(toUnit.statusCode, toUnit.body).toBe(200)
    expect(toUnit.json()).toMatchObject({ assignee_username: null, assigned_unit_code: 'H23.07.01' })
    expect(toUnit.json().allowed_next_events.map((e: { type: string }) => e.type)).toContain('assign')
    expect((await step(leader, duc, { type: 'assign' })).statusCode).toBe(400)
    const assigned = await step(leader, duc, { type: 'assign', assignee: otherSpecialist.username })
    expect(assigned.statusCode, assigned.body).toBe(200)
    expect(assigned.json()).toMatchObject({ assignee_username: otherSpecialist.username })
    expect(codesOf((await otherSpecialist.inject('/api/v1/dossiers?unit=H23.07.01&queue=mine')).json())).toEqual([duc])
    expect((await step(leader, duc, { type: 'assign', assignee: specialist.username })).statusCode).toBe(409)
  })

  it('submitted for signature, the dossier says "Trình ký", waits in the leader’s queue and is not submitted twice', async () => {
    const submitted = await step(specialist, hoa, { type: 'submit_for_signature' })
    expect(submitted.statusCode, submitted.body).toBe(200)
    expect(submitted.json()).toMatchObject({ status: 'processing', status_label: 'Trình ký', stage: 'awaiting_signature' })
    expect(submitted.json().allowed_next_events.map((e: { type: string }) => e.type)).not.toContain('submit_for_signature')
    expect((await step(specialist, hoa, { type: 'submit_for_signature' })).statusCode).toBe(409)
    expect(codesOf((await leader.inject('/api/v1/dossiers?unit=H23.07.01&queue=to_sign')).json())).toEqual([hoa])
  })

  it('only a leader approves: the specialist and the officer get 403 with the reason, and are not offered the step', async () => {
    for (const user of [specialist, officer]) {
      const refused = await step(user, hoa, { type: 'approve' })
      expect(refused.statusCode).toBe(403)
      expect(refused.json().message).toBe('Chỉ lãnh đạo được thực hiện "Phê duyệt" hồ sơ')
      const page = (await user.inject(`/api/v1/dossiers/${hoa}`)).json()
      expect(page.allowed_next_events.map((e: { type: string }) => e.type)).not.toContain('approve')
    }
    expect((await leader.inject(`/api/v1/dossiers/${hoa}`)).json().allowed_next_events.map((e: { type: string }) => e.type)).toContain('approve')
    const approved = await step(leader, hoa, { type: 'approve' })
    expect(approved.statusCode, approved.body).toBe(200)
    expect(approved.json()).toMatchObject({ status_label: 'Đã phê duyệt', stage: 'approved' })
    expect((await step(leader, hoa, { type: 'approve' })).statusCode).toBe(409)
    expect((await leader.inject('/api/v1/dossiers?unit=H23.07.01&queue=to_sign')).json().total).toBe(0)
  })

  it('a leader who received the dossier does not approve it', async () => {
    await step(officer, byLeader, { type: 'hand_over', assignee: specialist.username })
    await step(specialist, byLeader, { type: 'submit_for_signature' })
    const own = await step(leader, byLeader, { type: 'approve' })
    expect(own.statusCode).toBe(403)
    expect(own.json().message).toBe('Người đã tiếp nhận hồ sơ không được tự phê duyệt hồ sơ đó')
    expect((await leader.inject(`/api/v1/dossiers/${byLeader}`)).json().status_label).toBe('Trình ký')
  })

  it('the result comes, the dossier is returned and leaves "của tôi"; every step is in the audit chain with the person named', async () => {
    expect((await step(specialist, hoa, { type: 'finish' })).statusCode).toBe(200)
    expect((await step(officer, hoa, { type: 'return' })).json()).toMatchObject({ status: 'returned', status_label: 'Đã trả kết quả' })
    expect(codesOf((await specialist.inject('/api/v1/dossiers?unit=H23.07.01&queue=mine')).json())).toEqual([byLeader])
    const handOvers = await handle.db.selectFrom('audit_log').select(['action', 'entity_id', 'summary']).where('action', '=', 'dossier.hand_over').where('entity_id', '=', hoa).execute()
    expect(handOvers).toHaveLength(1)
    expect(handOvers[0]!.summary).toMatchObject({ assignee: specialist.username, assigned_unit: 'H23.07.01' })
    expect((await verifyAuditChain(handle.db)).ok).toBe(true)
  })
})

describe('the tracking book (sổ theo dõi hồ sơ)', () => {
  const book = (user: SignedIn, query: string) => user.inject(`/api/v1/tracking-book?${query}`)

  it('lists the dossiers An Thanh received in the period, in the columns offices keep, dates dd/mm/yyyy', async () => {
    const response = await book(officer, 'unit=H23.07.01&from=2022-09-01&to=2022-09-30&kind=received')
    expect(response.statusCode, response.body).toBe(200)
    const answer = response.json()
    expect(answer).toMatchObject({ unit: { code: 'H23.07.01', name: 'Xã An Thanh' }, period_label: 'Từ ngày 01/09/2022 đến ngày 30/09/2022', kind_label: 'Hồ sơ tiếp nhận' })
    expect(answer.rows.map((r: { code: string }) => r.code)).toEqual([hoa, duc, byLeader, certification])
    const handedOverOn = toVietnamDate(new Date((await officer.inject(`/api/v1/dossiers/${hoa}`)).json().events.find((e: { type: string }) => e.type === 'hand_over').at))
    const [y, m, d] = handedOverOn.split('-')
    expect(answer.rows[0]).toMatchObject({
      position: 1, code: hoa, procedure_name: 'Thủ tục cấp Giấy xác nhận tình trạng hôn nhân', applicant_name: 'Nguyễn Thị Hoa', contact: 'Thôn Lạc Dục — 0912345678',
      received_on: '05/09/2022', due_on: '08/09/2022', handed_over_on: `${d}/${m}/${y}`, handler: 'Người thử specialist',
    })
    expect(answer.rows[1]).toMatchObject({ code: duc, handler: 'Người thử specialist', returned_on: '' })
  })

  it('by kind: returned, handed over, late; by procedure; never another commune’s', async () => {
    const codes = async (query: string) => (await book(officer, query)).json().rows.map((r: { code: string }) => r.code)
    const sinceReceipt = `unit=H23.07.01&from=2022-09-01&to=${today}`
    expect(await codes(`${sinceReceipt}&kind=returned`)).toEqual([hoa])
    expect(await codes(`${sinceReceipt}&kind=handed_over`)).toEqual([hoa, duc, byLeader])
    // Every dossier of September 2022 still open is long past its appointment; the returned one came late too.
    const late = (await book(officer, `${sinceReceipt}&kind=late`)).json().rows
    expect(late.map((r: { code: string }) => r.code)).toEqual([hoa, duc, byLeader, certification])
    expect(late.every((r: { note: string; late: boolean }) => r.late && r.note.startsWith('Trễ hạn'))).toBe(true)
    expect(await codes(`${sinceReceipt}&kind=all&procedure=2.000815`)).toEqual([certification])
    expect(await codes('unit=H23.07.01&from=2022-09-06&to=2022-09-06&kind=received')).toEqual([duc])
    expect((await book(districtLeader, `unit=H23.07&from=2022-09-01&to=2022-09-30`)).json().rows.map((r: { code: string }) => r.code)).toContain(hoaQuangTrung)
    expect((await book(quangTrungOfficer, 'unit=H23.07.01&from=2022-09-01&to=2022-09-30')).statusCode).toBe(404)
  })

  it('a leader sees phone numbers masked in the book', async () => {
    const rows = (await book(leader, 'unit=H23.07.01&from=2022-09-05&to=2022-09-05')).json().rows
    expect(rows[0].contact).toBe('Thôn Lạc Dục — 091****678')
  })

  it('a period backwards, a day that does not exist or an unknown procedure is refused in Vietnamese', async () => {
    const backwards = await book(officer, 'unit=H23.07.01&from=2022-09-30&to=2022-09-01')
    expect(backwards.statusCode).toBe(400)
    expect(backwards.json().message).toContain('Ngày kết thúc phải sau hoặc bằng ngày bắt đầu')
    expect((await book(officer, 'unit=H23.07.01&from=2022-02-30&to=2022-03-01')).statusCode).toBe(400)
    const unknown = await book(officer, 'unit=H23.07.01&from=2022-09-01&to=2022-09-30&procedure=9.999999')
    expect(unknown.statusCode).toBe(400)
    expect(unknown.json().message).toBe('Không có thủ tục hành chính với mã 9.999999')
  })

  it('exports to XLSX: A4 landscape, the heading row repeated, the title with the unit and period, the same rows; the export is audited', async () => {
    const query = 'unit=H23.07.01&from=2022-09-01&to=2022-09-30&kind=received'
    const json = (await book(officer, query)).json()
    const response = await officer.inject(`/api/v1/tracking-book/xlsx?${query}`)
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toContain('spreadsheetml')
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer)
    const sheet = workbook.worksheets[0]!
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToWidth: 1 })
    expect(sheet.pageSetup.printTitlesRow).toBe('5:5')
    expect(sheet.getCell('A1').value).toBe('SỔ THEO DÕI HỒ SƠ')
    expect(sheet.getCell('A2').value).toBe('Xã An Thanh')
    expect(String(sheet.getCell('A3').value)).toContain('Từ ngày 01/09/2022 đến ngày 30/09/2022')
    expect((sheet.getRow(5).values as unknown[]).slice(1)).toEqual(['STT', 'Mã hồ sơ', 'Tên thủ tục hành chính', 'Người nộp', 'Địa chỉ, số điện thoại', 'Ngày nhận', 'Ngày hẹn trả', 'Ngày chuyển', 'Người xử lý', 'Ngày trả', 'Ghi chú'])
    const rows = json.rows as Record<string, string | number>[]
    rows.forEach((r, i) => {
      const cells = (sheet.getRow(6 + i).values as unknown[]).slice(1)
      expect(cells.map((c) => c ?? '')).toEqual([r.position, r.code, r.procedure_name, r.applicant_name, r.contact, r.received_on, r.due_on, r.handed_over_on, r.handler, r.returned_on, r.note])
    })
    expect(sheet.getRow(6 + rows.length).values).toEqual([])
    const late = rows.filter((r) => (r as unknown as { late: boolean }).late).length
    expect(sheet.getCell(7 + rows.length, 1).value).toBe(`Tổng cộng: ${rows.length} hồ sơ, trong đó ${late} hồ sơ trễ hạn`)
    const audit = await handle.db.selectFrom('audit_log').select(['actor', 'summary']).where('action', '=', 'export.tracking_book').execute()
    expect(audit).toEqual([{ actor: `user:${officer.username}`, summary: expect.objectContaining({ rows: rows.length, kind: 'received' }) }])
  })
})

describe('per-official counts', () => {
  const period = `from=2022-09-01&to=${today}`
  type Row = { username: string; received: number; digitized: number; handled: number; late: number; rated: number; approved: number }

  /** The counts straight from the events and the dossiers, to hold the report to. */
  async function fromEvents(username: string) {
    const actor = `user:${username}`
    const events = await handle.db.selectFrom('dossier_events').select(['type', 'dossier_id']).where('actor', '=', actor).execute()
    const user = await handle.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()
    const assigned = await handle.db.selectFrom('dossiers').select(['status', 'finished_at', 'due_at', 'rating']).where('assignee_user_id', '=', user.id).execute()
    const handled = assigned.filter((d) => d.status === 'finished' || d.status === 'returned')
    return {
      received: events.filter((e) => e.type === 'receive').length,
      handled: handled.length,
      late: handled.filter((d) => d.due_at !== null && d.finished_at! > d.due_at).length,
      rated: handled.filter((d) => d.rating !== null).length,
      approved: events.filter((e) => e.type === 'approve').length,
    }
  }

  it('equal the events: received by the officer, handled and late by the specialist, approved by the leader', async () => {
    const response = await districtLeader.inject(`/api/v1/official-workload?unit=H23.07.01&${period}`)
    expect(response.statusCode, response.body).toBe(200)
    const rows = response.json().rows as Row[]
    for (const user of [officer, specialist, otherSpecialist, leader]) {
      const row = rows.find((r) => r.username === user.username)!
      expect({ user: user.username, ...row }).toMatchObject({ user: user.username, ...(await fromEvents(user.username)) })
    }
    expect(rows.find((r) => r.username === specialist.username)).toMatchObject({ handled: 1, late: 1, approved: 0 })
    expect(rows.find((r) => r.username === leader.username)).toMatchObject({ received: 1, approved: 1 })
    expect(rows.find((r) => r.username === officer.username)).toMatchObject({ received: 3, digitized: 0 })
    expect(rows.map((r) => r.username)).not.toContain(quangTrungSpecialist.username)
  })

  it('a period before the work counts nothing; the officer, who may not read officials, is refused', async () => {
    const before = (await leader.inject('/api/v1/official-workload?unit=H23.07.01&from=2021-01-01&to=2021-12-31')).json().rows as Row[]
    expect(before.every((r) => r.received + r.handled + r.approved === 0)).toBe(true)
    expect((await officer.inject(`/api/v1/official-workload?unit=H23.07.01&${period}`)).statusCode).toBe(403)
    expect((await districtLeader.inject(`/api/v1/official-workload?unit=H23&${period}`)).statusCode).toBe(404)
  })

  it('exports the same counts to XLSX, audited', async () => {
    const json = (await leader.inject(`/api/v1/official-workload?unit=H23.07.01&${period}`)).json().rows as Row[]
    const response = await leader.inject(`/api/v1/official-workload/xlsx?unit=H23.07.01&${period}`)
    expect(response.statusCode).toBe(200)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer)
    const sheet = workbook.worksheets[0]!
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape' })
    expect((sheet.getRow(4).values as unknown[]).slice(6)).toEqual(['Tiếp nhận', 'Số hóa đủ', 'Đã giải quyết', 'Trễ hạn', 'Được đánh giá', 'Phê duyệt'])
    json.forEach((r, i) => {
      expect((sheet.getRow(5 + i).values as unknown[]).slice(3, 4).concat((sheet.getRow(5 + i).values as unknown[]).slice(6))).toEqual([r.username, r.received, r.digitized, r.handled, r.late, r.rated, r.approved])
    })
    expect(await handle.db.selectFrom('audit_log').select('action').where('action', '=', 'export.official_workload').execute()).toHaveLength(1)
  })
})
