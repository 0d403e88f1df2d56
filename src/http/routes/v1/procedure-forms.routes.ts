import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { ProcedureFormItem } from '../../../contracts/procedure-forms.js'
import type { DatabaseHandle } from '../../../db/open-database.js'
import { attachmentDisposition } from '../../../domain/procedures/content-disposition.js'
import { FORM_CODE } from '../../../domain/procedures/procedure-form-file.js'
import { FileStore } from '../../../modules/desk/file-store.js'
import { getPublicProcedureForm } from '../../../modules/portal/public-catalogue.js'
import { attachProcedureForm } from '../../../modules/procedures/forms/attach-procedure-form.js'
import { formItemOf } from '../../../modules/procedures/forms/form-links.js'
import { formsOfProcedures, getProcedureId } from '../../../modules/procedures/forms/procedure-forms.repository.js'
import { removeProcedureForm } from '../../../modules/procedures/forms/remove-procedure-form.js'
import { actorOf } from '../../plugins/authentication.js'
import { ErrorBody, PlainText, ProcedureCode } from '../../schemas.js'
import { Base64Content, decodeUpload } from '../../upload.schemas.js'

const FormCode = z.string().regex(FORM_CODE, 'Mã mẫu gồm chữ, số, dấu chấm, gạch; tối đa 32 ký tự')
const FormFileName = z
  .string()
  .max(255)
  .regex(/^[^/\\\u0000-\u001f]+\.(pdf|docx?|xlsx)$/i, 'Tên tệp mẫu không hợp lệ (không chứa thư mục; đuôi .pdf, .doc, .docx hoặc .xlsx)')
  .refine((name) => !name.startsWith('.'), 'Tên tệp không được bắt đầu bằng dấu chấm')
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 429: ErrorBody }
const tags = ['Thủ tục hành chính']

/**
 * A procedure's forms (mẫu đơn, tờ khai): listed for the console, attached and removed by whoever
 * edits the province's procedures (import:write, the root only — audited), downloaded by anyone
 * from the public catalogue with the Vietnamese file name.
 */
export function registerProcedureFormRoutes(app: FastifyInstance, handle: DatabaseHandle, filesDir: string): void {
  const api = app.withTypeProvider<ZodTypeProvider>()
  const db = handle.db
  const store = new FileStore(filesDir)

  api.get('/api/v1/procedures/:code/forms', {
    config: { access: { permission: 'indicators:read' } },
    schema: { summary: 'Mẫu đơn, tờ khai của thủ tục', tags, params: z.object({ code: ProcedureCode }), response: { 200: z.array(ProcedureFormItem), ...errors } },
    handler: async (request) => {
      await getProcedureId(db, request.params.code)
      return ((await formsOfProcedures(db, [request.params.code])).get(request.params.code) ?? []).map(formItemOf)
    },
  })

  api.post('/api/v1/procedures/:code/forms', {
    config: { access: { permission: 'import:write' } },
    bodyLimit: 8 * 1024 * 1024,
    schema: {
      summary: 'Đính kèm mẫu đơn, tờ khai (PDF, DOC, DOCX, XLSX; tối đa 5 MB) vào thủ tục',
      tags,
      params: z.object({ code: ProcedureCode }),
      body: z.object({
        code: FormCode.nullable().optional().describe('Mã mẫu trong thủ tục; bỏ trống: M01, M02…'),
        name: PlainText(255).describe('Tên mẫu, ví dụ: Tờ khai đăng ký khai sinh'),
        file_name: FormFileName,
        content_base64: Base64Content,
      }),
      response: { 200: ProcedureFormItem, ...errors },
    },
    handler: async (request) => {
      const b = request.body
      const form = await attachProcedureForm(db, store, {
        procedureCode: request.params.code, code: b.code ?? null, name: b.name, fileName: b.file_name, bytes: decodeUpload(b.content_base64),
      }, { actor: actorOf(request).label, ip: request.ip })
      return formItemOf(form)
    },
  })

  api.delete('/api/v1/procedures/:code/forms/:form', {
    config: { access: { permission: 'import:write' } },
    schema: { summary: 'Gỡ mẫu đơn, tờ khai khỏi thủ tục', tags, params: z.object({ code: ProcedureCode, form: FormCode }), response: { 200: z.object({ removed: z.string() }), ...errors } },
    handler: async (request) => {
      await removeProcedureForm(db, request.params.code, request.params.form, { actor: actorOf(request).label, ip: request.ip })
      return { removed: request.params.form }
    },
  })

  api.get('/api/v1/public/procedures/:code/forms/:form', {
    config: { access: { public: true } },
    schema: { summary: 'Tải mẫu đơn, tờ khai của thủ tục công khai', tags: ['Cổng dịch vụ công'], params: z.object({ code: ProcedureCode, form: FormCode }), response: { 200: z.any().describe('PDF, DOC, DOCX hoặc XLSX'), ...errors } },
    handler: async (request, reply) => {
      const form = await getPublicProcedureForm(db, request.params.code, request.params.form)
      const bytes = await store.get(form.sha256)
      return reply
        .header('content-type', form.mediaType)
        .header('content-disposition', attachmentDisposition(form.fileName))
        .header('x-content-type-options', 'nosniff')
        .send(bytes)
    },
  })
}
