import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import JSZip from 'jszip'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import type { DatabaseHandle } from '../../src/db/open-database.js'
import { verifyAuditChain } from '../../src/modules/audit/verify-audit-chain.js'
import { importUnits } from '../../src/modules/units/import-units.js'
import { daysFrom, makeCertificate, type TestCertificate } from '../support/forge-certificates.js'
import { tempDir, UNITS_CSV, writeCsv } from '../support/files.js'
import { writeZip } from '../support/zip-writer.js'
import { startApiServer, stopApiServer } from '../support/api-server.js'
import { signIn, type SignedIn } from '../support/sign-in.js'

/** Tứ Kỳ with two communes and two of its offices: Phòng Tư pháp and Phòng Văn hóa và Thông tin. */
const DISTRICT_WITH_OFFICES = [...UNITS_CSV, 'H23.07.TP,Phòng Tư pháp huyện Tứ Kỳ,office,H23.07', 'H23.07.VH,Phòng Văn hóa và Thông tin huyện Tứ Kỳ,office,H23.07']

let handle: DatabaseHandle
let app: FastifyInstance
let districtAdmin: SignedIn
let justiceOffice: SignedIn
let cultureOffice: SignedIn
let anThanhLeader: SignedIn

const now = new Date()
let certificates: Record<'an' | 'binh' | 'dung' | 'stranger', TestCertificate>
const P12_PASSWORD = 'mat-khau-p12'

interface OfficialJson {
  id: number
  full_name: string
  unit_code: string
  certificate_stage: string
  certificate: { serial: string; uid: string | null; valid_to: string } | null
}
const names = (rows: readonly { full_name: string }[]) => rows.map((r) => r.full_name)
const upload = (name: string, bytes: Buffer | string) => ({ file_name: name, content_base64: Buffer.from(bytes).toString('base64') })
const post = (user: SignedIn, url: string, payload: object) => user.inject({ method: 'POST', url, payload })

beforeAll(async () => {
  ;({ handle, app } = await startApiServer())
  await importUnits(handle, writeCsv(tempDir(), 'units.csv', DISTRICT_WITH_OFFICES), { skipInvalid: false, ignoreUnknown: false })
  districtAdmin = await signIn(app, handle, 'unit_admin', 'H23.07')
  justiceOffice = await signIn(app, handle, 'monitor', 'H23.07.TP')
  cultureOffice = await signIn(app, handle, 'unit_admin', 'H23.07.VH')
  anThanhLeader = await signIn(app, handle, 'leader', 'H23.07.01')
  const officials = [
    { unit: 'H23.07.01', full_name: 'Nguyễn Văn An', identity_number: '030201004589', position: 'Công chức Tư pháp - Hộ tịch', national_portal_account: 'an.nv', ecert_right: true },
    { unit: 'H23.07.01', full_name: 'Lê Thị Cúc', position: 'Công chức Văn phòng - Thống kê' },
    { unit: 'H23.07.02', full_name: 'Trần Thị Bình', national_portal_account: 'binh.tt' },
    { unit: 'H23.07.02', full_name: 'Phạm Văn Dũng', national_portal_account: 'dung.pv', ecert_right: true },
    { unit: 'H23.07.02', full_name: 'Vũ Thị Hòa', handles_dossiers: false },
  ]
  for (const official of officials) expect((await post(districtAdmin, '/api/v1/officials', official)).statusCode).toBe(200)
  certificates = {
    // Issued to An's citizen identity number, written without diacritics as CAs often do; already expired.
    an: makeCertificate({ commonName: 'NGUYEN VAN AN', uid: 'CCCD:030201004589', validFrom: daysFrom(now, -740), validTo: daysFrom(now, -10) }),
    binh: makeCertificate({ commonName: 'Trần Thị Bình', validFrom: daysFrom(now, -345), validTo: daysFrom(now, 20) }),
    dung: makeCertificate({ commonName: 'Pham Van Dung', uid: 'MST:0800123456', validFrom: daysFrom(now, -5), validTo: daysFrom(now, 725) }),
    stranger: makeCertificate({ commonName: 'Hoàng Văn Lạ', uid: 'CMND:111222333', validFrom: daysFrom(now, -5), validTo: daysFrom(now, 725) }),
  }
})
afterAll(async () => {
  await stopApiServer({ handle, app })
})

describe('who sees which officials', () => {
  it('a district office (Phòng Tư pháp) sees the whole district’s registry, though nothing else beyond its office', async () => {
    const list = await justiceOffice.inject('/api/v1/officials?unit=H23.07')
    expect(list.statusCode).toBe(200)
    expect(names(list.json())).toEqual(['Lê Thị Cúc', 'Nguyễn Văn An', 'Phạm Văn Dũng', 'Trần Thị Bình', 'Vũ Thị Hòa'])
    const scope = (await justiceOffice.inject('/api/v1/officials/scope')).json()
    expect(scope.unit_code).toBe('H23.07')
    expect(scope.units.map((u: { code: string }) => u.code).sort()).toEqual(['H23.07', 'H23.07.01', 'H23.07.02', 'H23.07.TP', 'H23.07.VH'])
    const units = (await justiceOffice.inject('/api/v1/units')).json() as { code: string }[]
    expect(units.map((u) => u.code)).toEqual(['H23.07.TP'])
  })

  it('a commune account still sees only its commune', async () => {
    expect((await anThanhLeader.inject('/api/v1/officials?unit=H23.07')).statusCode).toBe(404)
    expect((await anThanhLeader.inject('/api/v1/officials/lists/account-without-ecert-right?unit=H23.07.02')).statusCode).toBe(404)
    expect(names((await anThanhLeader.inject('/api/v1/officials?unit=H23.07.01')).json())).toEqual(['Lê Thị Cúc', 'Nguyễn Văn An'])
    const scope = (await anThanhLeader.inject('/api/v1/officials/scope')).json()
    expect(scope).toMatchObject({ unit_code: 'H23.07.01', units: [{ code: 'H23.07.01' }] })
  })
})

describe('editing an official', () => {
  it('moves the certificate forward through its stages, refuses a move back, and audits what changed', async () => {
    const [dung] = ((await districtAdmin.inject('/api/v1/officials?unit=H23.07.02')).json() as OfficialJson[]).filter((o) => o.full_name === 'Phạm Văn Dũng')
    const patch = (payload: object) => cultureOffice.inject({ method: 'PATCH', url: `/api/v1/officials/${dung!.id}`, payload })
    expect((await patch({ certificate_stage: 'registered' })).json().certificate_stage).toBe('registered')
    const back = await patch({ certificate_stage: 'none' })
    expect(back.statusCode).toBe(400)
    expect(back.json().message).toMatch(/Phạm Văn Dũng: không thể chuyển chứng thư số từ "Đã đăng ký" về "Chưa đăng ký"/)
    const badIdentity = await patch({ identity_number: '12345' })
    expect(badIdentity.statusCode).toBe(400)
    expect(badIdentity.json().message).toMatch(/CMND.*9 chữ số.*CCCD 12/)
    const audit = await handle.db.selectFrom('audit_log').select('summary').where('action', '=', 'official.update').where('entity_id', '=', String(dung!.id)).execute()
    expect(audit.map((a) => a.summary)).toEqual([{ changed: ['certificate_stage'], changes: { certificate_stage: { before: 'none', after: 'registered' } } }])
  })
})

describe('importing certificates in bulk', () => {
  const stored = async () => ((await districtAdmin.inject('/api/v1/officials?unit=H23.07')).json() as OfficialJson[]).map((o) => [o.full_name, o.certificate?.serial ?? null])

  it('a batch with an unmatched certificate and broken files reports each file and changes nothing', async () => {
    const before = await stored()
    const response = await post(cultureOffice, '/api/v1/officials/certificate-import', {
      files: [upload('an.cer', certificates.an.der), upload('binh.pem', certificates.binh.pem), upload('dung.p12', certificates.dung.p12(P12_PASSWORD)), upload('la.cer', certificates.stranger.der), upload('hong.crt', 'không phải chứng thư')],
    })
    expect(response.statusCode).toBe(200)
    const report = response.json()
    expect(report.applied).toBe(false)
    expect(report.matched.map((m: { file: string; full_name: string; matched_by: string }) => [m.file, m.full_name, m.matched_by])).toEqual([
      ['an.cer', 'Nguyễn Văn An', 'identity_number'],
      ['binh.pem', 'Trần Thị Bình', 'name'],
    ])
    expect(report.matched[0]).toMatchObject({ expired: true, expiring_soon: false })
    expect(report.matched[1]).toMatchObject({ expired: false, expiring_soon: true })
    expect(report.unmatched).toEqual([{ file: 'la.cer', common_name: 'Hoàng Văn Lạ', identity_number: '111222333', reason: expect.stringContaining('không có cán bộ tên "Hoàng Văn Lạ"') }])
    expect(report.invalid).toEqual([
      { file: 'dung.p12', reason: expect.stringMatching(/mật khẩu/) },
      { file: 'hong.crt', reason: expect.stringMatching(/không phải chứng thư số hợp lệ/) },
    ])
    expect(await stored()).toEqual(before)
  })

  it('a dry run of a good batch matches without recording', async () => {
    const before = await stored()
    const report = (await post(cultureOffice, '/api/v1/officials/certificate-import', { dry_run: true, password: P12_PASSWORD, files: [upload('an.cer', certificates.an.pem), upload('dung.p12', certificates.dung.p12(P12_PASSWORD))] })).json()
    expect(report).toMatchObject({ dry_run: true, applied: false, unmatched: [], invalid: [] })
    expect(report.matched.map((m: { full_name: string }) => m.full_name)).toEqual(['Nguyễn Văn An', 'Phạm Văn Dũng'])
    expect(await stored()).toEqual(before)
  })

  it('a zip of certificates is recorded on the officials they name, each certificate at least "issued"', async () => {
    const zip = new JSZip()
    zip.file('chung-thu/an.cer', certificates.an.der)
    zip.file('chung-thu/binh.crt', certificates.binh.pem)
    zip.file('chung-thu/dung.p12', certificates.dung.p12(P12_PASSWORD))
    zip.file('chung-thu/doc-truoc.txt', 'Danh sách chứng thư số đợt 2')
    const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' })
    const response = await post(cultureOffice, '/api/v1/officials/certificate-import', { password: P12_PASSWORD, files: [upload('dot-2.zip', bytes)] })
    const report = response.json()
    expect(report).toMatchObject({ applied: true, unmatched: [], invalid: [] })
    expect(report.matched.map((m: { file: string }) => m.file)).toEqual(['dot-2.zip/chung-thu/an.cer', 'dot-2.zip/chung-thu/binh.crt', 'dot-2.zip/chung-thu/dung.p12'])
    const officials = (await justiceOffice.inject('/api/v1/officials?unit=H23.07')).json() as OfficialJson[]
    const byName = new Map(officials.map((o) => [o.full_name, o]))
    expect(byName.get('Nguyễn Văn An')).toMatchObject({ certificate_stage: 'issued', certificate: { uid: 'CCCD:030201004589' } })
    expect(byName.get('Phạm Văn Dũng')).toMatchObject({ certificate_stage: 'issued', certificate: { uid: 'MST:0800123456' } })
    expect(byName.get('Trần Thị Bình')!.certificate!.valid_to).toBe(daysFrom(now, 20).toISOString().replace(/\.\d{3}Z$/, '.000Z'))
    expect(byName.get('Lê Thị Cúc')!.certificate).toBeNull()
    const audited = await handle.db.selectFrom('audit_log').select('entity_id').where('action', '=', 'official.certificate').execute()
    expect(audited.map((a) => Number(a.entity_id)).sort()).toEqual([byName.get('Nguyễn Văn An')!.id, byName.get('Phạm Văn Dũng')!.id, byName.get('Trần Thị Bình')!.id].sort())
  })

  it('a commune account may not import, and a zip that is not one is refused with its reason', async () => {
    expect((await post(anThanhLeader, '/api/v1/officials/certificate-import', { files: [upload('an.cer', certificates.an.der)] })).statusCode).toBe(403)
    const broken = await post(cultureOffice, '/api/v1/officials/certificate-import', { files: [upload('hong.zip', 'PK không phải zip')] })
    expect(broken.statusCode).toBe(400)
    expect(broken.json().message).toMatch(/Tệp nén .* không đọc được/)
  })

  it('a certificate in a zip that unpacks past its declared size (a zip bomb) is an invalid file, read no further', async () => {
    const path = join(tempDir(), 'bom.zip')
    writeZip(path, [
      { name: 'an.cer', content: certificates.an.der },
      { name: 'to.cer', content: { head: '-----BEGIN CERTIFICATE-----\n', body: 'A'.repeat(1024), times: 50_000, tail: '\n-----END CERTIFICATE-----\n' }, declaredSize: 2000 },
    ])
    const report = (await post(cultureOffice, '/api/v1/officials/certificate-import', { dry_run: true, files: [upload('bom.zip', readFileSync(path))] })).json()
    expect(report.matched.map((m: { file: string }) => m.file)).toEqual(['bom.zip/an.cer'])
    expect(report.invalid).toEqual([{ file: 'bom.zip/to.cer', reason: expect.stringMatching(/quá lớn|không giải nén được/) }])
  })
})

describe('the lists the offices print', () => {
  const list = async (user: SignedIn, name: string, unit = 'H23.07') => {
    const response = await user.inject(`/api/v1/officials/lists/${name}?unit=${unit}`)
    expect(response.statusCode).toBe(200)
    return response.json() as { title: string; rows: { full_name: string; note: string; unit_code: string }[] }
  }

  it('officials handling dossiers without a valid certificate or a portal account, saying what each lacks', async () => {
    const answer = await list(justiceOffice, 'missing-certificate-or-account')
    expect(answer.title).toMatch(/chưa có chữ ký số hoặc chưa có tài khoản/)
    expect(answer.rows.map((r) => [r.full_name, r.note])).toEqual([
      ['Lê Thị Cúc', 'chưa có chữ ký số; chưa có tài khoản Dịch vụ công quốc gia'],
      ['Nguyễn Văn An', 'chứng thư số đã hết hạn'],
    ])
  })

  it('portal accounts without the e-certification right, for Phòng Tư pháp', async () => {
    expect(names((await list(justiceOffice, 'account-without-ecert-right')).rows)).toEqual(['Trần Thị Bình'])
  })

  it('certificates expiring within 30 days', async () => {
    const answer = await list(cultureOffice, 'expiring-soon')
    expect(answer.rows.map((r) => [r.full_name, r.note])).toEqual([['Trần Thị Bình', 'Còn 20 ngày']])
    expect((await list(anThanhLeader, 'expiring-soon', 'H23.07.01')).rows).toEqual([])
  })

  it('a list exports to an A4 XLSX that reads back with the same people, and the export is audited', async () => {
    const response = await justiceOffice.inject('/api/v1/officials/lists/missing-certificate-or-account/xlsx?unit=H23.07')
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-disposition']).toMatch(/danh-sach-missing-certificate-or-account-H23\.07-\d{4}-\d{2}-\d{2}\.xlsx/)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer)
    const sheet = workbook.worksheets[0]!
    expect(sheet.pageSetup.paperSize).toBe(9)
    expect(String(sheet.getCell('A1').value)).toMatch(/^DANH SÁCH CÁN BỘ/)
    const rows: string[][] = []
    sheet.eachRow((row, n) => {
      if (n > 4) rows.push([String(row.getCell(2).value), String(row.getCell(3).value), String(row.getCell(8).value)])
    })
    expect(rows).toEqual([
      ['Xã An Thanh', 'Lê Thị Cúc', 'chưa có chữ ký số; chưa có tài khoản Dịch vụ công quốc gia'],
      ['Xã An Thanh', 'Nguyễn Văn An', 'chứng thư số đã hết hạn'],
    ])
    const exports = await handle.db.selectFrom('audit_log').select(['entity_id', 'summary']).where('action', '=', 'export.officials_list').execute()
    expect(exports).toEqual([{ entity_id: 'H23.07', summary: expect.objectContaining({ list: 'missing-certificate-or-account', rows: 2 }) }])
    expect((await verifyAuditChain(handle.db)).ok).toBe(true)
  })
})
