import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../../src/db/open-database.js'
import { saveProcedures } from '../../src/modules/procedures/save-procedures.js'
import { importUnits } from '../../src/modules/units/import-units.js'
import { startApiServer, stopApiServer } from '../support/api-server.js'
import { tempDir, UNITS_CSV, writeCsv } from '../support/files.js'
import { signIn, type SignedIn } from '../support/sign-in.js'

let handle: DatabaseHandle
let app: FastifyInstance
let officer: SignedIn

beforeAll(async () => {
  ;({ handle, app } = await startApiServer({ filesDir: tempDir() }))
  await importUnits(handle, writeCsv(tempDir(), 'units.csv', UNITS_CSV), { skipInvalid: false, ignoreUnknown: false })
  await handle.db.transaction().execute((trx) =>
    saveProcedures(trx, [{ code: '1.001193', name: 'Thủ tục đăng ký khai sinh', field: 'Hộ tịch', level: 'commune', onlineLevel: 'full', processingDays: 0, feeVnd: 0, components: [{ name: 'Tờ khai đăng ký khai sinh', required: true }] }]),
  )
  officer = await signIn(app, handle, 'officer', 'H23.07.01')
})
afterAll(async () => stopApiServer({ handle, app }))

const feedback = (code: string) => ({ unit: 'H23.07.01', received_at: '2022-04-29T10:00:00+07:00', late_entry_reason: 'Nhập bù phản ánh nhận qua điện thoại năm 2022', channel: 'phone', summary: 'Cán bộ hẹn trả kết quả nhiều lần', code })
const feedbackCount = async () => Number((await handle.db.selectFrom('feedback').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)

describe('codes entered over HTTP are checked as the imports check them', () => {
  it('refuses a feedback code a spreadsheet would run as a formula, naming the field and the reason; nothing is kept', async () => {
    const before = await feedbackCount()
    const answer = await officer.inject({ method: 'POST', url: '/api/v1/feedback', payload: feedback('=HYPERLINK("https://ke-gian.example","PA-001")') })
    expect(answer.statusCode).toBe(400)
    expect(answer.json().message).toContain('code: mã không được bắt đầu bằng "=" (bảng tính sẽ hiểu là công thức)')
    expect(await feedbackCount()).toBe(before)
  })

  it('refuses codes hiding invisible or right-to-left characters, wherever a code comes in', async () => {
    const zeroWidth = await officer.inject({ method: 'POST', url: '/api/v1/feedback', payload: feedback('H23.07.01-PA\u200b-220429-001') })
    expect(zeroWidth.statusCode).toBe(400)
    expect(zeroWidth.json().message).toContain('mã không được chứa ký tự điều khiển hoặc ký tự ẩn (U+200B ở vị trí 13)')
    const reversed = await officer.inject({ method: 'POST', url: '/api/v1/feedback', payload: { ...feedback('PA-001'), dossier_code: 'H23.07.01-\u202e100-924022' } })
    expect(reversed.statusCode).toBe(400)
    expect(reversed.json().message).toContain('dossier_code: mã không được chứa ký tự điều khiển hoặc ký tự ẩn (U+202E')
    const dossier = await officer.inject(`/api/v1/dossiers/${encodeURIComponent('H23.07.01-220429\u2066-001')}`)
    expect(dossier.statusCode).toBe(400)
    const unit = await officer.inject(`/api/v1/indicators?unit=${encodeURIComponent('+H23.07.01')}&from=2022-04-01&to=2022-04-30`)
    expect(unit.statusCode).toBe(400)
    expect(unit.json().message).toContain('unit: mã không được bắt đầu bằng "+"')
    const procedure = await app.inject(`/api/v1/public/procedures/${encodeURIComponent('@1.001193')}`)
    expect(procedure.statusCode).toBe(400)
  })

  it('still takes a plain code from another system', async () => {
    const answer = await officer.inject({ method: 'POST', url: '/api/v1/feedback', payload: feedback('HTKN-2022-000123') })
    expect(answer.statusCode).toBe(200)
    expect(answer.json().code).toBe('HTKN-2022-000123')
  })
})
