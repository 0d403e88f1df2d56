import type { FastifyInstance } from 'fastify'
import { PDFDocument, StandardFonts } from 'pdf-lib'
import type { DatabaseHandle } from '../../src/db/open-database.js'
import { saveProcedures } from '../../src/modules/procedures/save-procedures.js'
import { importUnits } from '../../src/modules/units/import-units.js'
import { tempDir, UNITS_CSV, writeCsv } from './files.js'

export const BIRTH_REGISTRATION = '1.001193'
export const BIRTH_FEE_VND = 8_000
export const BUSINESS_CHANGE = '1.001612'

/**
 * Tứ Kỳ's units and two procedures as the portal offers them: birth registration (commune,
 * full online, a fee payable online, two required components and one optional) and a district
 * procedure only done at the counter.
 */
export async function loadPortalDistrict(handle: DatabaseHandle): Promise<void> {
  const strict = { skipInvalid: false, ignoreUnknown: false }
  await importUnits(handle, writeCsv(tempDir(), 'units.csv', UNITS_CSV), strict)
  await handle.db.transaction().execute((trx) =>
    saveProcedures(trx, [
      {
        code: BIRTH_REGISTRATION, name: 'Thủ tục đăng ký khai sinh', field: 'Hộ tịch', level: 'commune', onlineLevel: 'full', processingDays: 1, feeVnd: BIRTH_FEE_VND,
        components: [{ name: 'Tờ khai đăng ký khai sinh', required: true }, { name: 'Giấy chứng sinh', required: true }, { name: 'Văn bản ủy quyền', required: false }],
        publication: { paymentIntegrated: true },
      },
      {
        code: BUSINESS_CHANGE, name: 'Thủ tục đăng ký thay đổi nội dung đăng ký hộ kinh doanh', field: 'Thành lập và hoạt động của hộ kinh doanh', level: 'district', onlineLevel: 'none', processingDays: 3, feeVnd: 100_000,
        components: [{ name: 'Giấy đề nghị đăng ký thay đổi', required: true }],
      },
    ]),
  )
}

/** A real one-page PDF with a line of text, as a citizen's scanner would make. */
export async function onePagePdf(text: string): Promise<Buffer> {
  const document = await PDFDocument.create()
  const page = document.addPage([595, 842])
  page.drawText(text, { x: 50, y: 780, size: 14, font: await document.embedFont(StandardFonts.Helvetica) })
  return Buffer.from(await document.save())
}

/** The last one-time code sent to a phone, read from the SMS waiting in the outbox. */
export async function lastCodeSentTo(handle: DatabaseHandle, phone: string): Promise<string> {
  const row = await handle.db.selectFrom('outbox_messages').select('body').where('topic', '=', 'portal.otp').where('recipient', '=', phone).orderBy('id', 'desc').executeTakeFirstOrThrow()
  return /([0-9]{6})/.exec(row.body)![1]!
}

/** A citizen proves their phone with a one-time code and gets the portal session's token. */
export async function portalSessionFor(app: FastifyInstance, handle: DatabaseHandle, phone: string, ip = '203.0.113.7'): Promise<string> {
  const sent = await app.inject({ method: 'POST', url: '/api/v1/public/otp', payload: { phone }, remoteAddress: ip })
  if (sent.statusCode !== 200) throw new Error(`otp: ${sent.body}`)
  const verified = await app.inject({ method: 'POST', url: '/api/v1/public/otp/verify', payload: { phone, code: await lastCodeSentTo(handle, phone) }, remoteAddress: ip })
  if (verified.statusCode !== 200) throw new Error(`verify: ${verified.body}`)
  return (verified.json() as { token: string }).token
}

export const base64 = (bytes: Buffer) => bytes.toString('base64')
