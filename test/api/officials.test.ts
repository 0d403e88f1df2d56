import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import type { DatabaseHandle } from '../../src/db/open-database.js'
import { verifyAuditChain } from '../../src/modules/audit/verify-audit-chain.js'
import { importUnits } from '../../src/modules/units/import-units.js'
import { AN_THANH_CERTIFICATE_PEM } from '../support/certificates.js'
import { tempDir, UNITS_CSV, writeCsv } from '../support/files.js'
import { startApiServer, stopApiServer } from '../support/api-server.js'
import { signIn, type SignedIn } from '../support/sign-in.js'

let handle: DatabaseHandle
let app: FastifyInstance
let districtAdmin: SignedIn
let anThanhLeader: SignedIn

beforeAll(async () => {
  ;({ handle, app } = await startApiServer())
  await importUnits(handle, writeCsv(tempDir(), 'units.csv', UNITS_CSV), { skipInvalid: false, ignoreUnknown: false })
  districtAdmin = await signIn(app, handle, 'unit_admin', 'H23.07')
  anThanhLeader = await signIn(app, handle, 'leader', 'H23.07.01')
})
afterAll(async () => {
  await stopApiServer({ handle, app })
})

const post = (user: SignedIn, url: string, payload: object) => user.inject({ method: 'POST', url, payload })

describe('the officials registry', () => {
  let anId: number

  it('records officials, reads an uploaded certificate, and counts who is missing what', async () => {
    const an = await post(districtAdmin, '/api/v1/officials', { unit: 'H23.07.01', full_name: 'Nguyễn Văn An', position: 'Công chức Tư pháp - Hộ tịch', national_portal_account: 'an.nv', ecert_right: true })
    expect(an.statusCode).toBe(200)
    anId = an.json().id
    await post(districtAdmin, '/api/v1/officials', { unit: 'H23.07.01', full_name: 'Lê Thị Cúc', position: 'Công chức Văn phòng - Thống kê' })
    await post(districtAdmin, '/api/v1/officials', { unit: 'H23.07.02', full_name: 'Trần Thị Bình', national_portal_account: 'binh.tt' })

    const upload = await post(districtAdmin, `/api/v1/officials/${anId}/certificate`, {
      file_name: 'nguyen-van-an.pem',
      content_base64: Buffer.from(AN_THANH_CERTIFICATE_PEM).toString('base64'),
    })
    expect(upload.statusCode).toBe(200)
    expect(upload.json().certificate).toMatchObject({ serial: '1A2B3C', subject: expect.stringContaining('CN=Nguyen Van An'), valid_to: '2036-11-20T13:48:56.000Z' })

    const figures = await districtAdmin.inject('/api/v1/officials/figures?unit=H23.07&on=2027-01-01')
    expect(figures.json()).toEqual([
      { unit_code: 'H23.07.01', unit_name: 'Xã An Thanh', handling: 2, without_certificate: 1, without_portal_account: 1, expiring_within_30_days: 0, with_ecert_right: 1 },
      { unit_code: 'H23.07.02', unit_name: 'Xã Quang Trung', handling: 1, without_certificate: 1, without_portal_account: 0, expiring_within_30_days: 0, with_ecert_right: 0 },
    ])
    const nearExpiry = await districtAdmin.inject('/api/v1/officials/figures?unit=H23.07.01&on=2036-11-01')
    expect(nearExpiry.json()[0]).toMatchObject({ expiring_within_30_days: 1, without_certificate: 1 })
    const afterExpiry = await districtAdmin.inject('/api/v1/officials/figures?unit=H23.07.01&on=2037-01-01')
    expect(afterExpiry.json()[0]).toMatchObject({ without_certificate: 2 })
  })

  it('a commune leader sees the commune’s officials only, and may not change them', async () => {
    const list = await anThanhLeader.inject('/api/v1/officials?unit=H23.07.01')
    expect(list.json().map((o: { full_name: string }) => o.full_name)).toEqual(['Lê Thị Cúc', 'Nguyễn Văn An'])
    expect((await anThanhLeader.inject('/api/v1/officials?unit=H23.07.02')).statusCode).toBe(404)
    expect((await anThanhLeader.inject('/api/v1/officials/figures?unit=H23.07')).statusCode).toBe(404)
    expect((await post(anThanhLeader, '/api/v1/officials', { unit: 'H23.07.01', full_name: 'Người lạ' })).statusCode).toBe(403)
  })

  it('a file that is not a certificate, or a file name with folders in it, is refused with a reason', async () => {
    const notCertificate = await post(districtAdmin, `/api/v1/officials/${anId}/certificate`, { file_name: 'anh.pem', content_base64: Buffer.from('xin chào').toString('base64') })
    expect(notCertificate.statusCode).toBe(400)
    expect(notCertificate.json().message).toMatch(/không phải chứng thư số hợp lệ/)
    for (const name of ['../../etc/passwd.pem', '..\\..\\data\\motcua.lock.cer', '/tmp/x.crt', '.hidden.pem', 'chu-ky.exe', 'a\u0000.pem']) {
      const response = await post(districtAdmin, `/api/v1/officials/${anId}/certificate`, { file_name: name, content_base64: Buffer.from(AN_THANH_CERTIFICATE_PEM).toString('base64') })
      expect(response.statusCode, name).toBe(400)
    }
  })

  it('an official of another commune cannot be changed through its number', async () => {
    const quangTrungOfficer = await signIn(app, handle, 'unit_admin', 'H23.07.02')
    const response = await quangTrungOfficer.inject({ method: 'PATCH', url: `/api/v1/officials/${anId}`, payload: { full_name: 'Đổi tên' } })
    expect(response.statusCode).toBe(404)
  })

  it('every change is in the audit chain', async () => {
    const actions = (await handle.db.selectFrom('audit_log').select('action').execute()).map((r) => r.action)
    expect(actions.filter((a) => a.startsWith('official.'))).toEqual(['official.create', 'official.create', 'official.create', 'official.certificate'])
    expect((await verifyAuditChain(handle.db)).ok).toBe(true)
  })
})
