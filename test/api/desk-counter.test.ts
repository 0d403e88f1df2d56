import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import type { DatabaseHandle } from '../../src/db/open-database.js'
import { dueSoonLimit } from '../../src/domain/dossiers/due-soon.js'
import { buildServer } from '../../src/http/build-server.js'
import { loadWorkingCalendar } from '../../src/modules/calendar/load-working-calendar.js'
import { importDossiers } from '../../src/modules/dossiers/import/import-dossiers.js'
import { saveProcedures } from '../../src/modules/procedures/save-procedures.js'
import { importUnits } from '../../src/modules/units/import-units.js'
import { DOSSIER_HEADER, tempDir, UNITS_CSV, writeCsv } from '../support/files.js'
import { startApiServer, stopApiServer } from '../support/api-server.js'
import { signIn, type SignedIn } from '../support/sign-in.js'

const strict = { skipInvalid: false, ignoreUnknown: false }
const SCAN = (text: string) => Buffer.from(`%PDF-1.4\n${text}\n%%EOF\n`).toString('base64')

let handle: DatabaseHandle
let app: FastifyInstance
let filesDir: string
let officer: SignedIn
let districtOfficer: SignedIn
let otherCommune: SignedIn

/** Marriage status (commune, 5 000 đồng), household business (district), a land-use licence (province). */
beforeAll(async () => {
  const dir = tempDir()
  filesDir = tempDir()
  ;({ handle, app } = await startApiServer({ filesDir }))
  await importUnits(handle, writeCsv(dir, 'units.csv', UNITS_CSV), strict)
  await handle.db.transaction().execute((trx) =>
    saveProcedures(trx, [
      { code: '1.004873', name: 'Thủ tục cấp Giấy xác nhận tình trạng hôn nhân', field: 'Hộ tịch', level: 'commune', onlineLevel: 'full', processingDays: 3, feeVnd: 5_000, components: [{ name: 'Tờ khai', required: true }] },
      { code: '1.001193', name: 'Thủ tục đăng ký khai sinh', field: 'Hộ tịch', level: 'commune', onlineLevel: 'full', processingDays: 1, feeVnd: 0, components: [{ name: 'Tờ khai đăng ký khai sinh', required: true }] },
      { code: '1.001612', name: 'Thủ tục đăng ký thay đổi nội dung đăng ký hộ kinh doanh', field: 'Hộ kinh doanh', level: 'district', onlineLevel: 'none', processingDays: 3, feeVnd: 100_000, components: [{ name: 'Giấy đề nghị', required: true }] },
      { code: '1.000045', name: 'Thủ tục giao đất, cho thuê đất', field: 'Đất đai', level: 'province', onlineLevel: 'none', processingDays: 20, feeVnd: 0, components: [] },
    ]),
  )
  await importDossiers(handle, writeCsv(dir, 'dossiers.csv', [
    DOSSIER_HEADER,
    'CU-1,H23.07.01,1.001193,online,2022-04-11T09:00:00+07:00,,2022-04-12T09:00:00+07:00,,finished,1,1,true,0,,0,',
    'CU-2,H23.07.01,1.001193,direct,2022-09-06T09:00:00+07:00,,,,processing,1,1,,0,,0,',
  ]), strict)
  officer = await signIn(app, handle, 'officer', 'H23.07.01')
  districtOfficer = await signIn(app, handle, 'officer', 'H23.07')
  otherCommune = await signIn(app, handle, 'officer', 'H23.07.02')
})
afterAll(async () => {
  await stopApiServer({ handle, app })
})

const post = (user: SignedIn, url: string, payload: object) => user.inject({ method: 'POST', url, payload })
const receipt = (procedure: string, unit = 'H23.07.01', extra: object = {}) => ({
  unit, procedure_code: procedure, applicant: { name: 'Trần Văn Bình', phone: '0987654321' }, channel: 'direct', received_components: [1], ...extra,
})
const dossierCount = async () => Number((await handle.db.selectFrom('dossiers').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)
const receive = async (procedure: string, extra: object = {}) => {
  const response = await post(officer, '/api/v1/dossiers', receipt(procedure, 'H23.07.01', extra))
  expect(response.statusCode, response.body).toBe(200)
  return response.json() as { code: string; due_at: string }
}
const step = (user: SignedIn, code: string, body: object) => post(user, `/api/v1/dossiers/${code}/events`, body)
const finished = async (procedure = '1.004873') => {
  const { code } = await receive(procedure)
  for (const type of ['hand_over', 'finish']) expect((await step(officer, code, { type })).statusCode).toBe(200)
  return code
}
const eventData = async (code: string, type: string) =>
  (await handle.db.selectFrom('dossier_events as e').innerJoin('dossiers as d', 'd.id', 'e.dossier_id').select('e.data').where('d.code', '=', code).where('e.type', '=', type).executeTakeFirstOrThrow()).data as Record<string, unknown>

describe('a procedure above the desk’s level', () => {
  it('a commune desk receiving a district procedure is warned (409 confirmation_required naming the field) and nothing is received', async () => {
    const before = await dossierCount()
    const response = await post(officer, '/api/v1/dossiers', receipt('1.001612'))
    expect(response.statusCode).toBe(409)
    expect(response.json()).toMatchObject({ error: 'confirmation_required', details: [{ column: 'confirm_procedure_level' }] })
    expect(response.json().message).toContain('thẩm quyền giải quyết cấp huyện, đơn vị tiếp nhận là cấp xã')
    expect(await dossierCount()).toBe(before)
  })

  it('confirmed, it is received on the district’s behalf and the confirmation is kept with the receipt and in the audit row', async () => {
    const { code } = await receive('1.001612', { confirm_procedure_level: true })
    expect(await eventData(code, 'receive')).toMatchObject({ level_confirmed: true })
    const audit = await handle.db.selectFrom('audit_log').select('summary').where('action', '=', 'dossier.receive').where('entity_id', '=', code).executeTakeFirstOrThrow()
    expect(JSON.stringify(audit.summary)).toContain('"level_confirmed":true')
  })

  it('a province procedure is refused at a commune even confirmed; the district receives its own procedures without a word', async () => {
    const refused = await post(officer, '/api/v1/dossiers', receipt('1.000045', 'H23.07.01', { received_components: [], confirm_procedure_level: true }))
    expect(refused.statusCode).toBe(409)
    expect(refused.json()).toMatchObject({ error: 'conflict' })
    expect(refused.json().message).toContain('không tiếp nhận tại đơn vị này')
    expect((await post(districtOfficer, '/api/v1/dossiers', receipt('1.001612', 'H23.07'))).statusCode).toBe(200)
  })
})

describe('returning a dossier whose fee is not paid', () => {
  it('is held with a warning naming the amount; the dossier stays finished', async () => {
    const code = await finished()
    const response = await step(officer, code, { type: 'return' })
    expect(response.statusCode).toBe(409)
    expect(response.json()).toMatchObject({ error: 'confirmation_required', details: [{ column: 'confirm_unpaid_fee' }] })
    expect(response.json().message).toContain('5.000 đồng')
    expect((await officer.inject(`/api/v1/dossiers/${code}`)).json().status).toBe('finished')
  })

  it('confirmed, it is returned and the history says it was returned unpaid; a paid or free dossier returns without a question', async () => {
    const code = await finished()
    const returned = await step(officer, code, { type: 'return', confirm_unpaid_fee: true })
    expect(returned.statusCode, returned.body).toBe(200)
    expect(returned.json().status).toBe('returned')
    expect(await eventData(code, 'return')).toMatchObject({ unpaid_fee_confirmed: true })

    const paid = await finished()
    expect((await post(officer, `/api/v1/dossiers/${paid}/payment`, { paid_online: false })).statusCode).toBe(200)
    expect((await step(officer, paid, { type: 'return' })).statusCode).toBe(200)
    const free = await finished('1.001193')
    expect((await step(officer, free, { type: 'return' })).statusCode).toBe(200)
  })
})

describe('the files of a returned dossier', () => {
  it('before the return a scan is replaced freely, and the replaced file is kept in the file history', async () => {
    const { code } = await receive('1.001193')
    const upload = (name: string) => post(officer, `/api/v1/dossiers/${code}/components/1/file`, { file_name: name, content_base64: SCAN(name) })
    expect((await upload('lan-1.pdf')).statusCode).toBe(200)
    expect((await upload('lan-2.pdf')).statusCode).toBe(200)
    const history = (await officer.inject(`/api/v1/dossiers/${code}/file-history`)).json()
    expect(history).toMatchObject([{ position: 1, old_file: { name: 'lan-1.pdf' }, new_file_name: 'lan-2.pdf', reason: null, replaced_by: `user:${officer.username}` }])
  })

  it('once returned, a scan or the result changes only with a reason; the old file stays, listed with the reason, and the change is audited', async () => {
    const { code } = await receive('1.001193')
    const path = `/api/v1/dossiers/${code}`
    expect((await post(officer, `${path}/components/1/file`, { file_name: 'to-khai.pdf', content_base64: SCAN('to-khai') })).statusCode).toBe(200)
    for (const type of ['hand_over', 'finish']) await step(officer, code, { type })
    expect((await post(officer, `${path}/result-file`, { file_name: 'ket-qua.pdf', content_base64: SCAN('ket-qua') })).statusCode).toBe(200)
    expect((await step(officer, code, { type: 'return' })).statusCode).toBe(200)

    for (const url of [`${path}/components/1/file`, `${path}/result-file`]) {
      const locked = await post(officer, url, { file_name: 'thay.pdf', content_base64: SCAN('thay') })
      expect(locked.statusCode, url).toBe(409)
      expect(locked.json().message).toBe('Hồ sơ đã trả kết quả: thay bản quét hoặc kết quả điện tử phải ghi rõ lý do')
      expect((await post(officer, url, { file_name: 'thay.pdf', content_base64: SCAN('thay'), replace_reason: '   ' })).statusCode).toBe(409)
    }
    expect((await officer.inject(path)).json()).toMatchObject({ result_file: { name: 'ket-qua.pdf' }, components: [{ file: { name: 'to-khai.pdf' } }] })

    const reason = 'Bản quét cũ bị mờ, quét lại theo yêu cầu của công dân'
    expect((await post(officer, `${path}/components/1/file`, { file_name: 'to-khai-ro.pdf', content_base64: SCAN('to-khai-ro'), replace_reason: reason })).statusCode).toBe(200)
    expect((await post(officer, `${path}/result-file`, { file_name: 'ket-qua-dinh-chinh.pdf', content_base64: SCAN('ket-qua-2'), replace_reason: 'Đính chính kết quả' })).statusCode).toBe(200)
    const history = (await officer.inject(`${path}/file-history`)).json()
    expect(history).toMatchObject([
      { position: 1, old_file: { name: 'to-khai.pdf' }, new_file_name: 'to-khai-ro.pdf', reason },
      { position: null, old_file: { name: 'ket-qua.pdf' }, new_file_name: 'ket-qua-dinh-chinh.pdf', reason: 'Đính chính kết quả' },
    ])
    // The old scan is still there to read, as it was; another dossier's history does not open it.
    const old = await officer.inject(`${path}/file-history/${history[0].id}/file`)
    expect(old.statusCode).toBe(200)
    expect(old.rawPayload).toEqual(Buffer.from(SCAN('to-khai'), 'base64'))
    const otherCode = (await receive('1.001193')).code
    expect((await officer.inject(`/api/v1/dossiers/${otherCode}/file-history/${history[0].id}/file`)).statusCode).toBe(404)
    const audits = await handle.db.selectFrom('audit_log').select(['action', 'summary']).where('entity_id', '=', code).where('action', 'like', 'dossier.digitize_%').orderBy('id').execute()
    expect(await handle.db.selectFrom('audit_log').select('id').where('entity_id', '=', code).where('action', '=', 'dossier.file_read').execute()).toHaveLength(1)
    expect(JSON.stringify(audits.at(-2)!.summary)).toContain(reason)
    expect(JSON.stringify(audits.at(-1)!.summary)).toContain('Đính chính kết quả')
    await expect(handle.db.deleteFrom('dossier_file_replacements').execute()).rejects.toThrow(/append-only/)
  })
})

describe('bulk hand-over and return', () => {
  const bulk = (user: SignedIn, payload: object) => post(user, '/api/v1/dossiers/bulk-events', payload)
  const statusOf = async (code: string) => (await officer.inject(`/api/v1/dossiers/${code}`)).json().status as string

  it('one dossier that cannot be handed over stops them all: nothing changes and that dossier is named with its reason', async () => {
    const a = (await receive('1.001193')).code
    const b = (await receive('1.001193')).code
    const done = await finished('1.001193')
    const response = await bulk(officer, { type: 'hand_over', codes: [a, b, done] })
    expect(response.statusCode).toBe(409)
    expect(response.json().details).toEqual([{ value: done, reason: expect.stringContaining('Chuyển xử lý') }])
    expect(response.json().message).toContain('không hồ sơ nào được thay đổi')
    expect([await statusOf(a), await statusOf(b)]).toEqual(['received', 'received'])

    const ok = await bulk(officer, { type: 'hand_over', codes: [a, b] })
    expect(ok.statusCode, ok.body).toBe(200)
    expect(ok.json().done).toEqual([{ code: a, status: 'processing' }, { code: b, status: 'processing' }])
    const audit = await handle.db.selectFrom('audit_log').select('summary').where('action', '=', 'dossier.bulk_hand_over').executeTakeFirstOrThrow()
    expect(JSON.stringify(audit.summary)).toContain(a)
  })

  it('a bulk return with an unpaid fee asks to confirm, naming the dossier; confirmed, every dossier is returned', async () => {
    const unpaid = await finished()
    const free = await finished('1.001193')
    const held = await bulk(officer, { type: 'return', codes: [unpaid, free] })
    expect(held.statusCode).toBe(409)
    expect(held.json()).toMatchObject({ error: 'confirmation_required', details: [{ value: unpaid, column: 'confirm_unpaid_fee' }] })
    expect(await statusOf(free)).toBe('finished')
    const returned = await bulk(officer, { type: 'return', codes: [unpaid, free], confirm_unpaid_fee: true })
    expect(returned.statusCode, returned.body).toBe(200)
    expect([await statusOf(unpaid), await statusOf(free)]).toEqual(['returned', 'returned'])
  })

  it('a code of another commune is answered as not existing and nothing changes', async () => {
    const mine = (await receive('1.001193')).code
    const response = await bulk(otherCommune, { type: 'hand_over', codes: [mine] })
    expect(response.statusCode).toBe(404)
    expect(await statusOf(mine)).toBe('received')
    expect((await bulk(officer, { type: 'hand_over', codes: [] })).statusCode).toBe(400)
  })
})

describe('landing on the desk', () => {
  it('a dossier due by the end of the next working day counts as due soon, on the calendar in force; an old open one as overdue', async () => {
    const { code, due_at } = await receive('1.001193')
    const limit = dueSoonLimit(await loadWorkingCalendar(handle.db), new Date())
    const dueSoon = (await officer.inject('/api/v1/dossiers?unit=H23.07.01&queue=due_soon&page_size=100')).json().items.map((d: { code: string }) => d.code)
    expect(dueSoon.includes(code)).toBe(new Date(due_at) <= limit)
    const counts = (await officer.inject('/api/v1/dossier-queue-counts?unit=H23.07.01')).json()
    expect(counts.due_soon).toBe(dueSoon.length)
    const overdue = (await officer.inject('/api/v1/dossiers?unit=H23.07.01&queue=overdue&page_size=100')).json().items.map((d: { code: string }) => d.code)
    expect(overdue).toContain('CU-2')
    expect(counts.overdue).toBe(overdue.length)
  })
})

describe('the citizen’s lookup address on the slip', () => {
  it('is /tra-cuu/<code> at the address the console was reached at, or at PUBLIC_BASE_URL when set', async () => {
    const { code } = await receive('1.001193')
    const link = (await officer.inject(`/api/v1/dossiers/${code}/tracking-link`)).json()
    expect(link).toEqual({ path: `/tra-cuu/${code}`, url: `http://localhost:80/tra-cuu/${code}` })
    const portal = await buildServer(handle, { filesDir, publicBaseUrl: 'https://dichvucong.haiduong.gov.vn/' })
    try {
      const answer = await portal.inject({ method: 'GET', url: `/api/v1/dossiers/${code}/tracking-link`, cookies: { motcua_session: officer.cookie } })
      expect(answer.json().url).toBe(`https://dichvucong.haiduong.gov.vn/tra-cuu/${code}`)
    } finally {
      await portal.close()
    }
    expect((await otherCommune.inject(`/api/v1/dossiers/${code}/tracking-link`)).statusCode).toBe(404)
  })
})

describe('which months have data', () => {
  it('the months a unit or its subtree received or finished dossiers in, oldest first; none for a commune without any', async () => {
    expect((await districtOfficer.inject('/api/v1/indicators/months?unit=H23.07')).json().months).toEqual(expect.arrayContaining(['2022-04', '2022-09']))
    const months = (await officer.inject('/api/v1/indicators/months?unit=H23.07.01')).json().months as string[]
    expect(months.slice(0, 2)).toEqual(['2022-04', '2022-09'])
    expect(months).toEqual([...months].sort())
    expect((await otherCommune.inject('/api/v1/indicators/months?unit=H23.07.02')).json().months).toEqual([])
  })
})
