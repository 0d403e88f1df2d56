import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import type { DatabaseHandle } from '../../src/db/open-database.js'
import { blankFormDocx } from '../../src/modules/procedures/forms/blank-form-docx.js'
import { startApiServer, stopApiServer } from '../support/api-server.js'
import { readDocx } from '../support/docx-text.js'
import { base64, BIRTH_REGISTRATION, BUSINESS_CHANGE, loadPortalDistrict, onePagePdf } from '../support/portal-citizen.js'
import { signIn, type SignedIn } from '../support/sign-in.js'

/*
 * A procedure's forms (mẫu đơn, tờ khai): the province attaches them, every official sees them,
 * citizens download them from the public catalogue with the Vietnamese file name.
 */
let handle: DatabaseHandle
let app: FastifyInstance
let provinceAdmin: SignedIn
let districtAdmin: SignedIn
let communeOfficer: SignedIn
let birthForm: Buffer

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

beforeAll(async () => {
  ;({ handle, app } = await startApiServer())
  await loadPortalDistrict(handle)
  provinceAdmin = await signIn(app, handle, 'system_admin', 'H23')
  districtAdmin = await signIn(app, handle, 'unit_admin', 'H23.07')
  communeOfficer = await signIn(app, handle, 'officer', 'H23.07.01')
  birthForm = await blankFormDocx({
    source: 'Thông tư 04/2020/TT-BTP', title: 'Tờ khai đăng ký khai sinh', addressee: 'Ủy ban nhân dân xã An Thanh',
    sections: [{ heading: 'Người yêu cầu', fields: ['Họ, chữ đệm, tên người yêu cầu'] }], pledge: ['Tôi cam đoan…'], signer: 'Người yêu cầu',
  })
})
afterAll(async () => stopApiServer({ handle, app }))

const upload = (who: SignedIn, procedure: string, body: object) => who.inject({ method: 'POST', url: `/api/v1/procedures/${procedure}/forms`, payload: body })
const formCount = async () => Number((await handle.db.selectFrom('procedure_forms').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)
const auditOf = (action: string) => handle.db.selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('id').execute()

describe('attaching a form to a procedure', () => {
  it('keeps the Word form of birth registration in the file store, with its type, size and hash, and audits it', async () => {
    const response = await upload(provinceAdmin, BIRTH_REGISTRATION, { code: 'TK-KS', name: 'Tờ khai đăng ký khai sinh', file_name: 'Tờ khai đăng ký khai sinh.docx', content_base64: base64(birthForm) })
    expect(response.statusCode).toBe(200)
    expect(response.json()).toMatchObject({
      code: 'TK-KS', name: 'Tờ khai đăng ký khai sinh', media_type: DOCX, size_bytes: birthForm.length,
      download_url: `/api/v1/public/procedures/${BIRTH_REGISTRATION}/forms/TK-KS`, uploaded_by: `user:${provinceAdmin.username}`,
    })
    const [audit] = await auditOf('procedure.form_add')
    expect(audit).toMatchObject({ entity: 'procedure', entity_id: BIRTH_REGISTRATION, actor: `user:${provinceAdmin.username}` })
    expect(audit!.summary).toMatchObject({ form: 'TK-KS', sha256: response.json().sha256, size_bytes: birthForm.length })
  })

  it('numbers a form given no code, and accepts a PDF', async () => {
    const pdf = await onePagePdf('Giay de nghi dang ky thay doi noi dung ho kinh doanh')
    const response = await upload(provinceAdmin, BUSINESS_CHANGE, { name: 'Giấy đề nghị đăng ký thay đổi nội dung đăng ký hộ kinh doanh', file_name: 'Giấy đề nghị.pdf', content_base64: base64(pdf) })
    expect(response.statusCode).toBe(200)
    expect(response.json()).toMatchObject({ code: 'M01', media_type: 'application/pdf' })
  })

  it('refuses, in Vietnamese and changing nothing, a program, a misnamed file, one too large, a repeated code and an unknown procedure', async () => {
    const before = await formCount()
    const auditsBefore = (await handle.db.selectFrom('audit_log').select('id').execute()).length
    const program = await upload(provinceAdmin, BIRTH_REGISTRATION, { name: 'Tờ khai', file_name: 'to-khai.docx', content_base64: base64(Buffer.from('MZ\u0090\u0000\u0003 chương trình')) })
    expect(program.statusCode).toBe(400)
    expect(program.json().message).toBe('Tệp mẫu to-khai.docx không phải PDF, Word (DOC, DOCX) hoặc Excel (XLSX) hợp lệ')
    const misnamed = await upload(provinceAdmin, BIRTH_REGISTRATION, { name: 'Tờ khai', file_name: 'to-khai.pdf', content_base64: base64(birthForm) })
    expect(misnamed.json().message).toBe('Nội dung tệp mẫu (DOCX) không khớp với đuôi tên tệp to-khai.pdf')
    const image = await upload(provinceAdmin, BIRTH_REGISTRATION, { name: 'Ảnh', file_name: 'anh.png', content_base64: base64(birthForm) })
    expect(image.statusCode).toBe(400)
    expect(image.json().message).toContain('đuôi .pdf, .doc, .docx hoặc .xlsx')
    const repeated = await upload(provinceAdmin, BIRTH_REGISTRATION, { code: 'TK-KS', name: 'Tờ khai mới', file_name: 'to-khai.docx', content_base64: base64(birthForm) })
    expect(repeated.statusCode).toBe(409)
    expect(repeated.json().message).toBe(`Thủ tục ${BIRTH_REGISTRATION} đã có mẫu mã TK-KS; hãy gỡ mẫu cũ hoặc dùng mã khác`)
    const tooLarge = await upload(provinceAdmin, BIRTH_REGISTRATION, { name: 'Tờ khai', file_name: 'to-khai.pdf', content_base64: base64(Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(5 * 1024 * 1024)])) })
    expect(tooLarge.statusCode).toBe(400)
    expect(tooLarge.json().message).toBe('Tệp mẫu to-khai.pdf quá lớn: tối đa 5 MB')
    const unknown = await upload(provinceAdmin, '9.999999', { name: 'Tờ khai', file_name: 'to-khai.docx', content_base64: base64(birthForm) })
    expect(unknown.statusCode).toBe(404)
    expect(unknown.json().message).toBe('Không có thủ tục hành chính với mã 9.999999')
    expect(await formCount()).toBe(before)
    expect((await handle.db.selectFrom('audit_log').select('id').execute()).length).toBe(auditsBefore)
  })

  it('is the province’s to do: a district administrator and a commune officer are refused, a visitor must log in', async () => {
    const body = { name: 'Tờ khai', file_name: 'to-khai.docx', content_base64: base64(birthForm) }
    expect((await upload(districtAdmin, BIRTH_REGISTRATION, body)).statusCode).toBe(403)
    expect((await upload(communeOfficer, BIRTH_REGISTRATION, body)).statusCode).toBe(403)
    expect((await app.inject({ method: 'POST', url: `/api/v1/procedures/${BIRTH_REGISTRATION}/forms`, payload: body })).statusCode).toBe(401)
    expect((await communeOfficer.inject({ method: 'DELETE', url: `/api/v1/procedures/${BIRTH_REGISTRATION}/forms/TK-KS` })).statusCode).toBe(403)
    // Every official reads them.
    const listed = await communeOfficer.inject(`/api/v1/procedures/${BIRTH_REGISTRATION}/forms`)
    expect(listed.json().map((f: { code: string }) => f.code)).toEqual(['TK-KS'])
  })
})

describe('the public catalogue', () => {
  it('lists the forms with their download links in the search and the procedure page', async () => {
    const found = (await app.inject('/api/v1/public/procedures?q=dang%20ky%20khai%20sinh')).json()
    expect(found[0].forms).toEqual([expect.objectContaining({ code: 'TK-KS', name: 'Tờ khai đăng ký khai sinh', download_url: `/api/v1/public/procedures/${BIRTH_REGISTRATION}/forms/TK-KS` })])
    const details = (await app.inject(`/api/v1/public/procedures/${BIRTH_REGISTRATION}`)).json()
    expect(details.forms.map((f: { name: string }) => f.name)).toEqual(['Tờ khai đăng ký khai sinh'])
  })

  it('gives anyone the file with its type and its Vietnamese name (RFC 5987)', async () => {
    const download = await app.inject(`/api/v1/public/procedures/${BIRTH_REGISTRATION}/forms/TK-KS`)
    expect(download.statusCode).toBe(200)
    expect(download.headers['content-type']).toBe(DOCX)
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename="to_khai_dang_ky_khai_sinh.docx"; filename*=UTF-8''T%E1%BB%9D%20khai%20%C4%91%C4%83ng%20k%C3%BD%20khai%20sinh.docx`,
    )
    expect(Buffer.compare(download.rawPayload, birthForm)).toBe(0)
    expect((await readDocx(download.rawPayload)).paragraphs).toContain('TỜ KHAI ĐĂNG KÝ KHAI SINH')
    const missing = await app.inject(`/api/v1/public/procedures/${BIRTH_REGISTRATION}/forms/KHONG-CO`)
    expect(missing.statusCode).toBe(404)
    expect(missing.json().message).toBe(`Thủ tục ${BIRTH_REGISTRATION} không có mẫu đơn, tờ khai mã KHONG-CO`)
  })
})

describe('removing a form', () => {
  it('takes it off the catalogue, audited', async () => {
    const removed = await provinceAdmin.inject({ method: 'DELETE', url: `/api/v1/procedures/${BUSINESS_CHANGE}/forms/M01` })
    expect(removed.statusCode).toBe(200)
    expect((await app.inject(`/api/v1/public/procedures/${BUSINESS_CHANGE}`)).json().forms).toEqual([])
    expect((await app.inject(`/api/v1/public/procedures/${BUSINESS_CHANGE}/forms/M01`)).statusCode).toBe(404)
    const [audit] = await auditOf('procedure.form_remove')
    expect(audit).toMatchObject({ entity_id: BUSINESS_CHANGE, actor: `user:${provinceAdmin.username}` })
  })
})
