import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import type { DatabaseHandle } from '../../src/db/open-database.js'
import { verifyAuditChain } from '../../src/modules/audit/verify-audit-chain.js'
import { FileStore } from '../../src/modules/desk/file-store.js'
import { OcrWorker } from '../../src/modules/ocr/ocr-worker.js'
import { tesseractEngine } from '../../src/modules/ocr/tesseract-engine.js'
import { saveProcedures } from '../../src/modules/procedures/save-procedures.js'
import { importUnits } from '../../src/modules/units/import-units.js'
import { tempDir, UNITS_CSV, writeCsv } from '../support/files.js'
import { renderTextPage } from '../support/rendered-page.js'
import { startApiServer, stopApiServer } from '../support/api-server.js'
import { signIn, type SignedIn } from '../support/sign-in.js'

/** What the scans say: the paragraphs of seed 000 about the communes without digitization, and seed 001 about e-certified copies. */
const COMPONENT_PAGE = [
  'ỦY BAN NHÂN DÂN HUYỆN TỨ KỲ',
  'Về số hóa hồ sơ, kết quả giải quyết thủ tục hành chính, một số xã chưa có kết quả số hóa như: Hưng Đạo, Tái Sơn, Tân Kỳ.',
]
const DIRECTIVE_PAGE = [
  'Công văn số 1262/UBND-VP',
  'Về chứng thực điện tử bản sao từ bản chính, huyện có hai đơn vị cấp xã thực hiện là Quảng Nghiệp và Đại Sơn.',
]

let handle: DatabaseHandle
let app: FastifyInstance
let store: FileStore
let anThanhOfficer: SignedIn
let quangTrungOfficer: SignedIn
let districtOfficer: SignedIn
let districtOffice: SignedIn
let dossierCode: string
let scans: { component: { png: Buffer }; directive: { pdf: Buffer } }

const post = (user: SignedIn, url: string, payload: object) => user.inject({ method: 'POST', url, payload })
const search = async (user: SignedIn, unit: string, q: string) => {
  const response = await user.inject(`/api/v1/file-texts?unit=${unit}&q=${encodeURIComponent(q)}`)
  expect(response.statusCode, response.body).toBe(200)
  return response.json() as { kind: string; dossier_code: string | null; position: number | null; snippet: string }[]
}
type DirectiveHit = { id: number; number: string; subject: string; snippet: string | null; ocr_status: string | null; ocr_error: string | null }
const findDirectives = async (user: SignedIn, q: string) => {
  const response = await user.inject(`/api/v1/directives?q=${encodeURIComponent(q)}`)
  expect(response.statusCode, response.body).toBe(200)
  return response.json() as DirectiveHit[]
}

beforeAll(async () => {
  const dir = tempDir()
  const filesDir = join(dir, 'files')
  ;({ handle, app } = await startApiServer({ filesDir }))
  store = new FileStore(filesDir)
  await importUnits(handle, writeCsv(dir, 'units.csv', UNITS_CSV), { skipInvalid: false, ignoreUnknown: false })
  await handle.db.transaction().execute((trx) =>
    saveProcedures(trx, [
      {
        code: '1.004873', name: 'Thủ tục cấp Giấy xác nhận tình trạng hôn nhân', field: 'Hộ tịch', level: 'commune', onlineLevel: 'full', processingDays: 3, feeVnd: 5_000,
        components: [{ name: 'Tờ khai cấp Giấy xác nhận tình trạng hôn nhân', required: true }, { name: 'Giấy tờ tùy thân', required: true }],
      },
    ]),
  )
  anThanhOfficer = await signIn(app, handle, 'officer', 'H23.07.01')
  quangTrungOfficer = await signIn(app, handle, 'officer', 'H23.07.02')
  districtOfficer = await signIn(app, handle, 'officer', 'H23.07')
  districtOffice = await signIn(app, handle, 'monitor', 'H23.07')
  const [component, directive] = await Promise.all([renderTextPage(COMPONENT_PAGE), renderTextPage(DIRECTIVE_PAGE)])
  scans = { component, directive }
  const received = await post(anThanhOfficer, '/api/v1/dossiers', {
    unit: 'H23.07.01', procedure_code: '1.004873', channel: 'direct', received_components: [1, 2], received_at: '2022-09-15T09:00:00+07:00',
    applicant: { name: 'Nguyễn Thị Hoa', id_number: '030190001234', phone: '0912345678', address: 'Thôn Lạc Dục, xã An Thanh' },
  })
  expect(received.statusCode, received.body).toBe(200)
  dossierCode = received.json().code
}, 120_000)
afterAll(async () => {
  await stopApiServer({ handle, app })
})

describe('a scanned component read in the background', () => {
  it('the upload only queues the scan; the worker reads it with tesseract and the dossier page can show the text', async () => {
    const upload = await post(anThanhOfficer, `/api/v1/dossiers/${dossierCode}/components/1/file`, { file_name: 'to-khai.png', content_base64: scans.component.png.toString('base64') })
    expect(upload.statusCode, upload.body).toBe(200)
    const queued = (await anThanhOfficer.inject(`/api/v1/dossiers/${dossierCode}/components/1/text`)).json()
    expect(queued).toMatchObject({ status: 'queued', text: null })

    expect(await new OcrWorker(handle.db, store, tesseractEngine()).drain()).toBe(1)
    const read = (await anThanhOfficer.inject(`/api/v1/dossiers/${dossierCode}/components/1/text`)).json()
    expect(read).toMatchObject({ status: 'done', pages: 1, engine: 'tesseract (vie)' })
    expect(read.text).toContain('Hưng Đạo, Tái Sơn, Tân Kỳ')
  }, 120_000)

  it('is found by a search typed without diacritics, and by one typed with them, shown with its diacritics', async () => {
    const plain = await search(anThanhOfficer, 'H23.07.01', 'hung dao tai son')
    expect(plain).toHaveLength(1)
    expect(plain[0]).toMatchObject({ kind: 'component', dossier_code: dossierCode, position: 1 })
    expect(plain[0]!.snippet).toContain('Hưng Đạo, Tái Sơn')
    expect(await search(anThanhOfficer, 'H23.07.01', 'Hưng Đạo')).toHaveLength(1)
    expect(await search(anThanhOfficer, 'H23.07.01', 'UY BAN NHAN DAN HUYEN TU KY')).toHaveLength(1)
    expect(await search(anThanhOfficer, 'H23.07.01', 'quang khai')).toEqual([])
  })

  it('another commune finds nothing of it, and may not read its text', async () => {
    expect(await search(quangTrungOfficer, 'H23.07.02', 'hung dao')).toEqual([])
    expect((await quangTrungOfficer.inject(`/api/v1/file-texts?unit=H23.07.01&q=hung+dao`)).statusCode).toBe(404)
    expect((await quangTrungOfficer.inject(`/api/v1/dossiers/${dossierCode}/components/1/text`)).statusCode).toBe(404)
  })
})

describe('an incoming directive recorded with its scanned PDF', () => {
  it('is read page by page in the background and found among the directives by a phrase typed without diacritics; not by a commune', async () => {
    const recorded = await post(districtOffice, '/api/v1/directives', {
      unit: 'H23.07', direction: 'incoming', doc_type: 'Công văn', number: '1262/UBND-VP', issued_on: '2022-09-15', issuer: 'UBND tỉnh Hải Dương', subject: 'V/v đẩy mạnh số hóa và chứng thực điện tử',
      file: { file_name: 'cv-1262.pdf', content_base64: scans.directive.pdf.toString('base64') },
    })
    expect(recorded.statusCode, recorded.body).toBe(200)
    const id = recorded.json().id as number
    // Recording only queued it: the request did not wait for the reading.
    expect(recorded.json()).toMatchObject({ ocr_status: 'queued', ocr_error: null })
    expect((await districtOffice.inject(`/api/v1/directives/${id}/text`)).json()).toMatchObject({ status: 'queued', text: null })
    expect(await new OcrWorker(handle.db, store, tesseractEngine()).drain()).toBe(1)

    const hits = await findDirectives(districtOffice, 'quang nghiep va dai son')
    expect(hits.map((h) => [h.id, h.subject, h.ocr_status])).toEqual([[id, 'V/v đẩy mạnh số hóa và chứng thực điện tử', 'done']])
    expect(hits[0]!.snippet).toContain('Quảng Nghiệp và Đại Sơn')
    // With its diacritics too, and by its number or by its subject (not in the scan: no snippet).
    expect((await findDirectives(districtOffice, 'Quảng Nghiệp')).map((h) => h.id)).toEqual([id])
    expect((await findDirectives(districtOffice, '1262/ubnd')).map((h) => h.id)).toEqual([id])
    expect(await findDirectives(districtOffice, 'day manh so hoa')).toMatchObject([{ id, snippet: null }])
    expect(await findDirectives(districtOffice, 'quang khai')).toEqual([])
    const text = (await districtOffice.inject(`/api/v1/directives/${id}/text`)).json()
    expect(text).toMatchObject({ status: 'done', pages: 1, engine: 'tesseract (vie)' })
    expect(text.text).toContain('1262/UBND-VP')

    // A commune neither finds it nor reads it; the components' search does not mix directives in.
    expect(await findDirectives(anThanhOfficer, 'quang nghiep')).toEqual([])
    expect((await anThanhOfficer.inject(`/api/v1/directives/${id}/text`)).statusCode).toBe(404)
    expect(await search(districtOfficer, 'H23.07', 'quang nghiep')).toEqual([])
    // The district's search over components reaches its communes' dossiers.
    expect((await search(districtOfficer, 'H23.07', 'tan ky')).map((h) => h.kind)).toEqual(['component'])
  }, 120_000)

  it('a search of less than two letters is refused with a reason', async () => {
    const response = await districtOfficer.inject('/api/v1/file-texts?unit=H23.07&q=%2C%20')
    expect(response.statusCode).toBe(400)
    expect(response.json().message).toMatch(/ít nhất 2 chữ cái/)
    const directives = await districtOffice.inject('/api/v1/directives?q=%2C%20')
    expect(directives.statusCode).toBe(400)
    expect(directives.json().message).toMatch(/ít nhất 2 chữ cái/)
  })
})

describe('when tesseract is missing', () => {
  it('the job fails with the reason, the upload having answered at once, and nothing else is held up', async () => {
    const upload = await post(anThanhOfficer, `/api/v1/dossiers/${dossierCode}/components/2/file`, { file_name: 'cccd.png', content_base64: scans.component.png.toString('base64') })
    expect(upload.statusCode).toBe(200)
    const withoutTesseract = new OcrWorker(handle.db, store, tesseractEngine({ tesseract: '/khong-co/tesseract' }))
    expect(await withoutTesseract.drain()).toBe(1)
    const failed = (await anThanhOfficer.inject(`/api/v1/dossiers/${dossierCode}/components/2/text`)).json()
    expect(failed).toMatchObject({ status: 'failed', text: null })
    expect(failed.error).toMatch(/Chưa cài đặt \/khong-co\/tesseract trên máy chủ \(Debian: tesseract-ocr, tesseract-ocr-vie\)/)
    expect((await search(anThanhOfficer, 'H23.07.01', 'hung dao')).map((h) => h.position)).toEqual([1])
    expect((await verifyAuditChain(handle.db)).ok).toBe(true)
  })
})
