import { randomBytes, X509Certificate } from 'node:crypto'
import ExcelJS from 'exceljs'
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../../src/db/open-database.js'
import { toVietnamDate } from '../../src/domain/time/vietnam-time.js'
import { signPdf } from '../../src/modules/signatures/sign-pdf.js'
import { verifyPdfSignature } from '../../src/modules/signatures/verify-pdf.js'
import { saveProcedures } from '../../src/modules/procedures/save-procedures.js'
import { importUnits } from '../../src/modules/units/import-units.js'
import { startApiServer, stopApiServer } from '../support/api-server.js'
import { tempDir, UNITS_CSV, writeCsv } from '../support/files.js'
import { plainPdf } from '../support/plain-pdf.js'
import { signIn, type SignedIn } from '../support/sign-in.js'
import { issueCredential, makeTestCa } from '../support/signing-ca.js'

const ca = makeTestCa()
const anchors = [new X509Certificate(ca.certificatePem)]
const base64 = (bytes: Buffer) => bytes.toString('base64')

let handle: DatabaseHandle
let app: FastifyInstance
let admin: SignedIn
let officer: SignedIn
let leader: SignedIn

interface Page {
  code: string
  components: { position: number; file: { signature: { status: string; signer_name: string | null; reason: string } | null } | null }[]
  result_file: { signature: { status: string; signer_name: string | null } | null } | null
  ecert_copies: { number: number; year: number; copies: number; fee_vnd: number; copy_signature: { status: string } | null }[]
}

async function ok(response: Promise<LightMyRequestResponse>) {
  const r = await response
  if (r.statusCode !== 200) throw new Error(`${r.statusCode} ${r.body}`)
  return r
}
const post = (who: SignedIn, url: string, payload: object) => who.inject({ method: 'POST', url, payload })

async function receive(procedure: string, components: number[], receivedAt?: string): Promise<string> {
  const body = { unit: 'H23.07.01', procedure_code: procedure, applicant: { name: 'Phạm Văn Dân' }, channel: 'direct', received_components: components, ...(receivedAt ? { received_at: receivedAt } : {}) }
  const r = await ok(post(officer, '/api/v1/dossiers', body))
  return (r.json() as Page).code
}

beforeAll(async () => {
  const dir = tempDir()
  ;({ handle, app } = await startApiServer({ filesDir: tempDir(), signatures: { anchors, sealingKey: randomBytes(32) } }))
  await importUnits(handle, writeCsv(dir, 'units.csv', UNITS_CSV), { skipInvalid: false, ignoreUnknown: false })
  await handle.db.transaction().execute((trx) =>
    saveProcedures(trx, [
      {
        code: '1.004873', name: 'Thủ tục cấp Giấy xác nhận tình trạng hôn nhân', field: 'Hộ tịch', level: 'commune', onlineLevel: 'full', processingDays: 3, feeVnd: 0,
        components: [{ name: 'Tờ khai', required: true }, { name: 'Giấy tờ tùy thân', required: true }, { name: 'Giấy tờ khác', required: false }],
      },
      {
        code: '2.000815', name: 'Thủ tục chứng thực bản sao từ bản chính giấy tờ, văn bản', field: 'Chứng thực', level: 'commune', onlineLevel: 'partial', processingDays: 0, feeVnd: 2_000,
        components: [{ name: 'Bản chính giấy tờ, văn bản', required: true }],
      },
    ]),
  )
  admin = await signIn(app, handle, 'system_admin', 'H23.07.01')
  officer = await signIn(app, handle, 'officer', 'H23.07.01')
  leader = await signIn(app, handle, 'leader', 'H23.07.01')
})
afterAll(async () => {
  await stopApiServer({ handle, app })
})

describe('a signed PDF uploaded at the desk is checked at once', () => {
  it('shows valid, untrusted, changed or unsigned on the dossier page, with the signer', async () => {
    const code = await receive('1.004873', [1, 2, 3])
    const citizen = issueCredential(ca, 'Phạm Văn Dân')
    const signed = await signPdf(await plainPdf(), citizen)
    const stranger = await signPdf(await plainPdf(), issueCredential(makeTestCa('CA lạ'), 'Người lạ'))
    const tampered = Buffer.from(signed)
    tampered[120] = tampered[120]! ^ 0x01
    const upload = (position: number, bytes: Buffer) => ok(post(officer, `/api/v1/dossiers/${code}/components/${position}/file`, { file_name: `tp-${position}.pdf`, content_base64: base64(bytes) }))
    await upload(1, signed)
    await upload(2, stranger)
    const page = (await upload(3, tampered)).json() as Page
    expect(page.components.map((c) => c.file?.signature?.status)).toEqual(['valid', 'untrusted', 'changed'])
    expect(page.components[0]!.file!.signature!.signer_name).toBe('Phạm Văn Dân')

    const again = (await upload(3, await plainPdf())).json() as Page
    expect(again.components[2]!.file!.signature!.status).toBe('unsigned')
  })
})

describe('a leader signs the result with the certificate registered for them', () => {
  it('stamps and signs the PDF result; the stored result verifies; the key is sealed at rest', async () => {
    const official = (await ok(post(admin, '/api/v1/officials', { unit: 'H23.07.01', full_name: 'Nguyễn Văn Hùng', position: 'Chủ tịch UBND xã' }))).json() as { id: number }
    const credential = issueCredential(ca, 'Nguyễn Văn Hùng', { organisation: 'UBND xã An Thanh' })
    await ok(post(admin, `/api/v1/officials/${official.id}/signing-credential`, { file_name: 'hung.p12', content_base64: base64(credential.p12), password: credential.password, account: leader.username }))
    const stored = await handle.db.selectFrom('signing_credentials').select('sealed').where('official_id', '=', official.id).executeTakeFirstOrThrow()
    expect(stored.sealed.includes(credential.p12.subarray(0, 48))).toBe(false)
    expect(stored.sealed.includes(Buffer.from(credential.password))).toBe(false)

    const code = await receive('1.004873', [1, 2])
    // Approval is a leader's, not the receiving officer's.
    for (const [by, type] of [[officer, 'hand_over'], [officer, 'submit_for_signature'], [leader, 'approve'], [officer, 'finish']] as const) await ok(post(by, `/api/v1/dossiers/${code}/events`, { type }))
    await ok(post(officer, `/api/v1/dossiers/${code}/result-file`, { file_name: 'ket-qua.pdf', content_base64: base64(await plainPdf()) }))

    const byOfficer = await post(officer, `/api/v1/dossiers/${code}/result/sign`, {})
    expect(byOfficer.statusCode).toBe(403)
    expect(byOfficer.json().message).toBe('Chỉ lãnh đạo ký số kết quả giải quyết')
    const unregistered = await post(await signIn(app, handle, 'leader', 'H23.07.01'), `/api/v1/dossiers/${code}/result/sign`, {})
    expect(unregistered.statusCode).toBe(409)
    expect(unregistered.json().message).toContain('chưa gắn với cán bộ')

    const page = (await ok(post(leader, `/api/v1/dossiers/${code}/result/sign`, {}))).json() as Page
    expect(page.result_file!.signature).toMatchObject({ status: 'valid', signer_name: 'Nguyễn Văn Hùng' })
    const download = await ok(leader.inject(`/api/v1/dossiers/${code}/result-file`))
    expect(verifyPdfSignature(download.rawPayload, anchors).status).toBe('valid')
    const audit = await handle.db.selectFrom('audit_log').select(['action', 'entity_id']).where('action', '=', 'dossier.sign_result').execute()
    expect(audit).toEqual([{ action: 'dossier.sign_result', entity_id: code }])
  })
})

describe('e-certified copies at the commune desk', () => {
  // Paper dossiers entered afterwards at the desk, on a fixed day: the figures of that day and its month.
  const DAY = '2026-11-20'
  const RECEIVED_AT = `${DAY}T09:00:00+07:00`
  let districtLeader: SignedIn
  beforeAll(async () => {
    districtLeader = await signIn(app, handle, 'leader', 'H23.07')
  })
  const ecertCopiesOf = async (unit: string) => {
    const r = await ok(districtLeader.inject(`/api/v1/indicators?unit=${unit}&from=${DAY}&to=${DAY}`))
    return (r.json() as { rows: { indicators: { ecert_copies: { value: number } } }[] }).rows[0]!.indicators.ecert_copies.value
  }
  /** Decision 766's 4.ct for the district: communes that e-certified in the month. */
  const communesCertifying = async () => {
    const r = await ok(districtLeader.inject(`/api/v1/index766?unit=H23.07&period=${DAY.slice(0, 7)}`))
    return (r.json() as { report: { score: { indicators: { id: string; numerator: number | null }[] } } }).report.score.indicators.find((i) => i.id === '4.ct')!.numerator
  }

  it('signs the copy with the commune certificate, numbers it in the register, and raises the commune copies by exactly one', async () => {
    const communeCredential = issueCredential(ca, 'Ủy ban nhân dân xã An Thanh', { organisation: 'UBND xã An Thanh' })
    const noCredential = await receive('2.000815', [1])
    const refused = await post(officer, `/api/v1/dossiers/${noCredential}/ecert-copies`, { document_name: 'Bằng tốt nghiệp', copies: 1, fee_vnd: 2000, file_name: 'bang.pdf', content_base64: base64(await plainPdf()) })
    expect(refused.statusCode).toBe(409)
    await ok(post(admin, '/api/v1/units/H23.07.01/signing-credential', { file_name: 'an-thanh.p12', content_base64: base64(communeCredential.p12), password: communeCredential.password }))

    const before = { commune: await ecertCopiesOf('H23.07.01'), district: await ecertCopiesOf('H23.07'), communes: await communesCertifying() }
    const code = await receive('2.000815', [1], RECEIVED_AT)
    const page = (await ok(post(officer, `/api/v1/dossiers/${code}/ecert-copies`, {
      document_name: 'Giấy khai sinh', copies: 1, fee_vnd: 2000, file_name: 'giay-khai-sinh.pdf', content_base64: base64(await plainPdf(['GIAY KHAI SINH'])),
    }))).json() as Page
    expect(page.ecert_copies).toHaveLength(1)
    expect(page.ecert_copies[0]).toMatchObject({ copies: 1, fee_vnd: 2000, copy_signature: { status: 'valid' } })
    expect(await ecertCopiesOf('H23.07.01')).toBe(before.commune + 1)
    expect(await ecertCopiesOf('H23.07')).toBe(before.district + 1)
    expect(await ecertCopiesOf('H23.07.02')).toBe(0)
    expect(await communesCertifying()).toBe((before.communes ?? 0) + 1)

    const register = (await ok(officer.inject(`/api/v1/ecert-register?unit=H23.07.01&year=${page.ecert_copies[0]!.year}`))).json() as {
      entries: { number: number; dossier_code: string; document_name: string; signer_name: string }[]
    }
    // The officer certifying is named in the register; the copy itself carries the commune's signature.
    expect(register.entries.map((e) => [e.number, e.dossier_code, e.document_name, e.signer_name])).toEqual([[1, code, 'Giấy khai sinh', 'Người thử officer']])
  })

  it('numbers concurrent certifications without gaps or duplicates, and the XLSX register reads back', async () => {
    const codes = await Promise.all([1, 2, 3, 4].map(() => receive('2.000815', [1])))
    const scan = base64(await plainPdf(['BANG TOT NGHIEP']))
    await Promise.all(codes.map((code) => ok(post(officer, `/api/v1/dossiers/${code}/ecert-copies`, { document_name: 'Bằng tốt nghiệp THPT', copies: 2, fee_vnd: 4000, file_name: 'bang.pdf', content_base64: scan }))))
    const year = Number(toVietnamDate(new Date()).slice(0, 4))
    const register = (await ok(officer.inject(`/api/v1/ecert-register?unit=H23.07.01&year=${year}`))).json() as { entries: { number: number; dossier_code: string }[] }
    const numbers = register.entries.map((e) => e.number)
    expect(numbers).toEqual(Array.from({ length: numbers.length }, (_, i) => i + 1))
    expect(register.entries.filter((e) => codes.includes(e.dossier_code)).map((e) => e.dossier_code).sort()).toEqual([...codes].sort())

    const xlsx = await ok(officer.inject(`/api/v1/ecert-register.xlsx?unit=H23.07.01&year=${year}`))
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer)
    const sheet = workbook.worksheets[0]!
    expect(String(sheet.getCell(1, 1).value)).toBe('SỔ CHỨNG THỰC BẢN SAO ĐIỆN TỬ TỪ BẢN CHÍNH')
    expect(sheet.pageSetup.paperSize).toBe(9)
    const rows = sheet.getRows(5, numbers.length)!.map((r) => [r.getCell(1).value, r.getCell(4).value])
    expect(rows.map((r) => r[0])).toEqual(numbers)
    expect(rows.filter((r) => r[1] === 'Bằng tốt nghiệp THPT')).toHaveLength(4)
  })

  it('is hidden from another commune', async () => {
    const other = await signIn(app, handle, 'officer', 'H23.07.02')
    expect((await other.inject('/api/v1/ecert-register?unit=H23.07.01')).statusCode).toBe(404)
  })
})
