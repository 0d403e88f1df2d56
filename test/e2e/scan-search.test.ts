import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../../src/db/open-database.js'
import { createUser } from '../../src/modules/accounts/create-user.js'
import { FileStore } from '../../src/modules/desk/file-store.js'
import { OcrWorker } from '../../src/modules/ocr/ocr-worker.js'
import { tesseractEngine } from '../../src/modules/ocr/tesseract-engine.js'
import { saveProcedures } from '../../src/modules/procedures/save-procedures.js'
import { importUnits } from '../../src/modules/units/import-units.js'
import { startApiServer, stopApiServer } from '../support/api-server.js'
import { tempDir, UNITS_CSV, writeCsv } from '../support/files.js'
import { renderTextPage } from '../support/rendered-page.js'
import { signIn } from '../support/sign-in.js'
import { DEMO_PASSWORD, ensureWebBuild, hasChromium, launchChromium, logIn } from '../support/web-console.js'

/*
 * The desk's "Tìm trong bản quét": a component scanned at An Thanh is read by tesseract in the
 * background; its officer finds it by words typed without diacritics and opens the dossier;
 * Quang Trung's officer finds nothing of it.
 */
describe.skipIf(!hasChromium)('searching the words of scanned components from the desk', { retry: 1 }, () => {
  let handle: DatabaseHandle
  let app: FastifyInstance
  let url: string
  let browser: Browser
  let dossierCode: string

  beforeAll(async () => {
    ensureWebBuild()
    const dir = tempDir()
    const filesDir = join(dir, 'files')
    ;({ handle, app } = await startApiServer({ filesDir }))
    await importUnits(handle, writeCsv(dir, 'units.csv', UNITS_CSV), { skipInvalid: false, ignoreUnknown: false })
    await handle.db.transaction().execute((trx) =>
      saveProcedures(trx, [
        {
          code: '1.004873', name: 'Thủ tục cấp Giấy xác nhận tình trạng hôn nhân', field: 'Hộ tịch', level: 'commune', onlineLevel: 'full', processingDays: 3, feeVnd: 5_000,
          components: [{ name: 'Tờ khai cấp Giấy xác nhận tình trạng hôn nhân', required: true }],
        },
      ]),
    )
    await createUser(handle.db, { username: 'anthanh.motcua', displayName: 'Một cửa An Thanh', password: DEMO_PASSWORD, unitCode: 'H23.07.01', role: 'officer' }, 'test')
    await createUser(handle.db, { username: 'quangtrung.motcua', displayName: 'Một cửa Quang Trung', password: DEMO_PASSWORD, unitCode: 'H23.07.02', role: 'officer' }, 'test')
    const officer = await signIn(app, handle, 'officer', 'H23.07.01')
    const received = await officer.inject({
      method: 'POST', url: '/api/v1/dossiers',
      payload: {
        unit: 'H23.07.01', procedure_code: '1.004873', channel: 'direct', received_components: [1], received_at: '2022-09-15T09:00:00+07:00',
        applicant: { name: 'Nguyễn Thị Hoa', id_number: '030190001234', phone: '0912345678', address: 'Thôn Lạc Dục, xã An Thanh' },
      },
    })
    expect(received.statusCode, received.body).toBe(200)
    dossierCode = received.json().code
    const scan = await renderTextPage(['TỜ KHAI CẤP GIẤY XÁC NHẬN TÌNH TRẠNG HÔN NHÂN', 'Họ và tên người yêu cầu: Nguyễn Thị Hoa, cư trú tại thôn Lạc Dục, xã An Thanh.'])
    const upload = await officer.inject({ method: 'POST', url: `/api/v1/dossiers/${dossierCode}/components/1/file`, payload: { file_name: 'to-khai.png', content_base64: scan.png.toString('base64') } })
    expect(upload.statusCode, upload.body).toBe(200)
    expect(await new OcrWorker(handle.db, new FileStore(filesDir), tesseractEngine()).drain()).toBe(1)
    url = await app.listen({ port: 0, host: '127.0.0.1' })
    browser = await launchChromium()
  }, 600_000)
  afterAll(async () => {
    await browser?.close()
    if (app) await stopApiServer({ handle, app })
  })

  const searchAs = async (username: string, phrase: string) => {
    const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1366, height: 900 } })
    const page = await context.newPage()
    await page.goto(`${url}/mot-cua`)
    await logIn(page, username)
    await page.getByRole('link', { name: 'Tìm trong bản quét' }).click()
    await page.getByRole('heading', { name: 'Tìm trong bản quét thành phần hồ sơ' }).waitFor()
    await page.getByLabel('Tìm trong bản quét').fill(phrase)
    await page.getByLabel('Tìm trong bản quét').press('Enter')
    return page
  }

  it('An Thanh finds the scan by words typed without diacritics, shown with them, and opens its dossier', async () => {
    const page = await searchAs('anthanh.motcua', 'lac duc xa an thanh')
    const row = page.locator('.ant-table-row', { hasText: dossierCode })
    await row.waitFor()
    expect(await row.textContent()).toContain('Lạc Dục, xã An Thanh')
    expect(await row.textContent()).toContain('1. Tờ khai cấp Giấy xác nhận tình trạng hôn nhân')
    expect(new URL(page.url()).searchParams.get('q')).toBe('lac duc xa an thanh')
    await row.getByRole('link', { name: dossierCode }).click()
    await page.waitForURL(`**/mot-cua/ho-so/${encodeURIComponent(dossierCode)}`)
    await page.getByText('Nguyễn Thị Hoa').first().waitFor()
    await page.context().close()
  })

  it('Quang Trung finds nothing of An Thanh’s scan', async () => {
    const page = await searchAs('quangtrung.motcua', 'lac duc xa an thanh')
    await page.getByText('Không có bản quét nào chứa cụm từ này').waitFor()
    await page.context().close()
  })
})
