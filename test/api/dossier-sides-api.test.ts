import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import type { DatabaseHandle } from '../../src/db/open-database.js'
import { startApiServer, stopApiServer } from '../support/api-server.js'
import { signIn, type SignedIn } from '../support/sign-in.js'
import { saveUnitsAndProcedures } from '../support/units-and-procedures.js'
import { tempDir } from '../support/temp-dirs.js'

/*
 * Decree 118/2025: An Thanh's desk (district Tứ Kỳ) receives a dossier that Quang Trung (district
 * Thanh Hà) decides. Each unit's steps and records are its own — the desk cannot finish the
 * dossier on Quang Trung's behalf (and so put a late result on Quang Trung's figures), Quang
 * Trung cannot return it, take the fee or certify copies with An Thanh's certificate — and Quang
 * Trung finds the dossier in its own queue once handed over.
 */
let handle: DatabaseHandle
let app: FastifyInstance
let anThanhOfficer: SignedIn
let quangTrungSpecialist: SignedIn
let quangTrungOfficer: SignedIn
let tuKyOfficer: SignedIn

const SCAN = (text: string) => Buffer.from(`%PDF-1.4\n${text}\n%%EOF\n`).toString('base64')

beforeAll(async () => {
  ;({ handle, app } = await startApiServer({ filesDir: tempDir() }))
  await saveUnitsAndProcedures(
    handle,
    [
      { code: 'H23', name: 'Tỉnh Hải Dương', kind: 'province', parentCode: null },
      { code: 'H23.07', name: 'Huyện Tứ Kỳ', kind: 'district', parentCode: 'H23' },
      { code: 'H23.07.01', name: 'Xã An Thanh', kind: 'commune', parentCode: 'H23.07' },
      { code: 'H23.08', name: 'Huyện Thanh Hà', kind: 'district', parentCode: 'H23' },
      { code: 'H23.08.01', name: 'Xã Quang Trung', kind: 'commune', parentCode: 'H23.08' },
    ],
    [
      { code: '1.004873', name: 'Thủ tục cấp Giấy xác nhận tình trạng hôn nhân', field: 'Hộ tịch', level: 'commune', onlineLevel: 'full', processingDays: 3, feeVnd: 5_000, components: [{ name: 'Tờ khai', required: true }] },
      { code: '1.001612', name: 'Thủ tục đăng ký thay đổi nội dung đăng ký hộ kinh doanh', field: 'Hộ kinh doanh', level: 'district', onlineLevel: 'none', processingDays: 3, feeVnd: 0, components: [] },
    ],
  )
  anThanhOfficer = await signIn(app, handle, 'officer', 'H23.07.01')
  quangTrungSpecialist = await signIn(app, handle, 'specialist', 'H23.08.01')
  quangTrungOfficer = await signIn(app, handle, 'officer', 'H23.08.01')
  tuKyOfficer = await signIn(app, handle, 'officer', 'H23.07')
})
afterAll(async () => stopApiServer({ handle, app }))

const post = (user: SignedIn, url: string, payload: object) => user.inject({ method: 'POST', url, payload })
const step = (user: SignedIn, code: string, type: string) => post(user, `/api/v1/dossiers/${code}/events`, { type })
const lateAtQuangTrung = async () => {
  const answer = await quangTrungOfficer.inject('/api/v1/indicators?unit=H23.08.01&from=2026-11-01&to=2026-11-30&by=decider')
  expect(answer.statusCode, answer.body).toBe(200)
  const indicators = (answer.json() as { rows: { indicators: Record<string, { value: number | null }> }[] }).rows[0]!.indicators
  return { finished: indicators.finished?.value ?? null, late: indicators.late?.value ?? null }
}
const queue = async (user: SignedIn, unit: string, name: string) =>
  ((await user.inject(`/api/v1/dossiers?unit=${unit}&queue=${name}`)).json() as { items: { code: string }[] }).items.map((d) => d.code)

async function receiveForQuangTrung(): Promise<string> {
  const response = await post(anThanhOfficer, '/api/v1/dossiers', {
    unit: 'H23.07.01', deciding_unit: 'H23.08.01', procedure_code: '1.004873', applicant: { name: 'Trần Văn Bình' }, channel: 'direct', received_components: [1],
    received_at: '2026-11-02T09:00:00+07:00',
  })
  expect(response.statusCode, response.body).toBe(200)
  return (response.json() as { code: string }).code
}

describe('a dossier received by one commune and decided by another', () => {
  it('the deciding unit named at receipt must have the competence: a commune does not decide a district procedure', async () => {
    const refused = await post(anThanhOfficer, '/api/v1/dossiers', {
      unit: 'H23.07.01', deciding_unit: 'H23.08.01', procedure_code: '1.001612', applicant: { name: 'Trần Văn Bình' }, channel: 'direct', received_components: [],
      received_at: '2026-11-02T09:00:00+07:00', confirm_procedure_level: true,
    })
    expect(refused.statusCode).toBe(400)
    expect(refused.json().message).toBe('Đơn vị giải quyết không hợp lệ: Xã Quang Trung là đơn vị cấp xã, không có thẩm quyền giải quyết thủ tục cấp huyện')
    expect(await handle.db.selectFrom('dossiers').select('id').where('procedure_id', 'in', handle.db.selectFrom('procedures').select('id').where('code', '=', '1.001612')).execute()).toEqual([])
  })

  it('the receiving desk cannot finish, reject or ask for papers on the decider’s behalf, and the decider’s figures do not move', async () => {
    const code = await receiveForQuangTrung()
    const before = await lateAtQuangTrung()
    for (const type of ['finish', 'reject', 'request_supplement', 'pause']) {
      const refused = await step(anThanhOfficer, code, type)
      expect(refused.statusCode, type).toBe(403)
      expect(refused.json().message).toContain('do đơn vị giải quyết của hồ sơ thực hiện')
    }
    expect(await lateAtQuangTrung()).toEqual(before)
    const page = (await anThanhOfficer.inject(`/api/v1/dossiers/${code}`)).json() as { allowed_next_events: { type: string }[] }
    expect(page.allowed_next_events.map((e) => e.type)).toEqual(expect.arrayContaining(['hand_over']))
    expect(page.allowed_next_events.map((e) => e.type)).not.toContain('finish')
  })

  it('once handed over, the decider finds it in its queue and finishes it; the desk returns it', async () => {
    const code = await receiveForQuangTrung()
    expect((await step(anThanhOfficer, code, 'hand_over')).statusCode).toBe(200)
    expect(await queue(quangTrungSpecialist, 'H23.08.01', 'to_process')).toContain(code)
    expect(await queue(anThanhOfficer, 'H23.07.01', 'to_process')).not.toContain(code)
    expect(await queue(anThanhOfficer, 'H23.07.01', 'all')).toContain(code)
    const counts = (await quangTrungSpecialist.inject('/api/v1/dossier-queue-counts?unit=H23.08.01')).json() as Record<string, number>
    expect(counts.to_process).toBeGreaterThanOrEqual(1)

    expect((await step(quangTrungSpecialist, code, 'finish')).statusCode).toBe(200)
    const returnedByDecider = await step(quangTrungSpecialist, code, 'return')
    expect(returnedByDecider.statusCode).toBe(403)
    expect(returnedByDecider.json().message).toContain('do đơn vị tiếp nhận của hồ sơ thực hiện')
    expect(await queue(anThanhOfficer, 'H23.07.01', 'finished')).toContain(code)
    expect((await post(anThanhOfficer, `/api/v1/dossiers/${code}/payment`, { paid_online: false })).statusCode).toBe(200)
    expect((await step(anThanhOfficer, code, 'return')).statusCode).toBe(200)
  })

  it('each side keeps its own records: scans, fee and reception facts at the desk; the result and 4.1 at the decider', async () => {
    const code = await receiveForQuangTrung()
    const scan = { file_name: 'to-khai.pdf', content_base64: SCAN('to-khai') }
    expect((await post(quangTrungOfficer, `/api/v1/dossiers/${code}/components/1/file`, scan)).statusCode).toBe(403)
    expect((await post(anThanhOfficer, `/api/v1/dossiers/${code}/components/1/file`, scan)).statusCode).toBe(200)
    expect((await post(quangTrungOfficer, `/api/v1/dossiers/${code}/payment`, { paid_online: true })).statusCode).toBe(403)
    expect((await post(anThanhOfficer, `/api/v1/dossiers/${code}/payment`, { paid_online: false })).statusCode).toBe(200)

    expect((await step(anThanhOfficer, code, 'hand_over')).statusCode).toBe(200)
    expect((await step(quangTrungOfficer, code, 'finish')).statusCode).toBe(200)
    const result = { file_name: 'ket-qua.pdf', content_base64: SCAN('ket-qua') }
    expect((await post(anThanhOfficer, `/api/v1/dossiers/${code}/result-file`, result)).statusCode).toBe(403)
    expect((await post(quangTrungOfficer, `/api/v1/dossiers/${code}/result-file`, result)).statusCode).toBe(200)
    const signedByDesk = await post(await signIn(app, handle, 'leader', 'H23.07.01'), `/api/v1/dossiers/${code}/result/sign`, {})
    expect(signedByDesk.statusCode).toBe(403)
    expect(signedByDesk.json().message).toContain('"Ký số kết quả giải quyết" do đơn vị giải quyết')
    expect((await post(quangTrungOfficer, `/api/v1/dossiers/${code}/result/sign`, {})).json().message).toBe('Chỉ lãnh đạo ký số kết quả giải quyết')

    const flags = (user: SignedIn, payload: object) => user.inject({ method: 'PUT', url: `/api/v1/dossiers/${code}/flags`, payload })
    const eResult = await flags(anThanhOfficer, { e_result_issued: true })
    expect(eResult.statusCode).toBe(403)
    expect(eResult.json().message).toContain('đã cấp kết quả điện tử (4.1)')
    expect((await flags(quangTrungOfficer, { synced_national: true })).statusCode).toBe(403)
    expect((await flags(quangTrungOfficer, { e_result_issued: true })).statusCode).toBe(200)
    expect((await flags(anThanhOfficer, { synced_national: true })).statusCode).toBe(200)
    const stored = await handle.db.selectFrom('dossiers').select(['synced_national', 'e_result_issued', 'components_digitized', 'paid_online']).where('code', '=', code).executeTakeFirstOrThrow()
    expect(stored).toEqual({ synced_national: true, e_result_issued: true, components_digitized: 1, paid_online: false })
  })

  it('copies are certified with An Thanh’s certificate by An Thanh’s accounts only, not the decider’s nor the district’s', async () => {
    const code = await receiveForQuangTrung()
    const certify = (user: SignedIn) => post(user, `/api/v1/dossiers/${code}/ecert-copies`, { document_name: 'Giấy khai sinh', copies: 2, fee_vnd: 4_000, file_name: 'ban-chinh.pdf', content_base64: SCAN('ban-chinh') })
    for (const outsider of [quangTrungOfficer, tuKyOfficer]) {
      const refused = await certify(outsider)
      expect(refused.statusCode).toBe(403)
      expect(refused.json().message).toContain('Chỉ cán bộ của Xã An Thanh (đơn vị tiếp nhận hồ sơ)')
    }
    // An Thanh's own officer gets past the check: the unit has no certificate registered here.
    const own = await certify(anThanhOfficer)
    expect(own.statusCode).toBe(409)
    expect(own.json().message).toContain('Chưa đăng ký chứng thư số của Xã An Thanh')
    const copies = await handle.db.selectFrom('dossiers').select('ecert_copies').where('code', '=', code).executeTakeFirstOrThrow()
    expect(copies.ecert_copies).toBe(0)
  })
})
