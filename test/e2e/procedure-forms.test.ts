import type { FastifyInstance } from 'fastify'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../../src/db/open-database.js'
import { createUser } from '../../src/modules/accounts/create-user.js'
import { seedDemoProcedureForms } from '../../src/modules/demo/demo-procedure-forms.js'
import { FileStore } from '../../src/modules/desk/file-store.js'
import { startApiServer, stopApiServer } from '../support/api-server.js'
import { tempDir } from '../support/files.js'
import { loadPortalDistrict, onePagePdf } from '../support/portal-citizen.js'
import { DEMO_PASSWORD, ensureWebBuild, hasChromium, launchChromium, logIn } from '../support/web-console.js'

/*
 * The console's procedures page: the demo's birth declaration is there (seeded as the demo seeds
 * it); the province attaches a form and removes it; a commune officer sees it, with nothing to change.
 */
describe.skipIf(!hasChromium)('procedure forms in the console', { retry: 1 }, () => {
  let handle: DatabaseHandle
  let app: FastifyInstance
  let server: { url: string }
  let browser: Browser

  beforeAll(async () => {
    ensureWebBuild()
    const filesDir = tempDir()
    ;({ handle, app } = await startApiServer({ filesDir }))
    await loadPortalDistrict(handle)
    await seedDemoProcedureForms(handle, new FileStore(filesDir))
    await createUser(handle.db, { username: 'quantri', displayName: 'Quản trị tỉnh', password: DEMO_PASSWORD, unitCode: 'H23', role: 'system_admin' }, 'test')
    await createUser(handle.db, { username: 'anthanh.motcua', displayName: 'Một cửa An Thanh', password: DEMO_PASSWORD, unitCode: 'H23.07.01', role: 'officer' }, 'test')
    server = { url: await app.listen({ port: 0, host: '127.0.0.1' }) }
    browser = await launchChromium()
  }, 600_000)
  afterAll(async () => {
    await browser?.close()
    if (app) await stopApiServer({ handle, app })
  })

  it('shows the demo’s birth declaration, lets the province attach and remove a form, and the commune only read', async () => {
    const province = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1366, height: 900 } })
    const admin = await province.newPage()
    await admin.goto(`${server.url}/thu-tuc`)
    await logIn(admin, 'quantri')
    await admin.locator('[data-procedure="1.001193"]').getByRole('button', { name: 'Mẫu đơn, tờ khai' }).click()
    const dialog = admin.getByRole('dialog')
    await dialog.getByRole('link', { name: 'Tờ khai đăng ký khai sinh' }).waitFor()

    await dialog.getByLabel('Tên mẫu').fill('Văn bản ủy quyền đăng ký khai sinh')
    await dialog.getByLabel('Mã mẫu (không bắt buộc)').fill('UQ')
    await dialog.locator('input[type=file]').setInputFiles({ name: 'Văn bản ủy quyền.pdf', mimeType: 'application/pdf', buffer: await onePagePdf('Van ban uy quyen') })
    await dialog.getByRole('button', { name: 'Đính kèm' }).click()
    await admin.getByText('Đã đính kèm mẫu UQ vào thủ tục 1.001193').waitFor()
    await dialog.getByRole('link', { name: 'Văn bản ủy quyền đăng ký khai sinh' }).waitFor()

    const download = await admin.evaluate(async () => {
      const answer = await fetch('/api/v1/public/procedures/1.001193/forms/UQ')
      return { status: answer.status, type: answer.headers.get('content-type'), disposition: answer.headers.get('content-disposition') }
    })
    expect(download).toEqual({ status: 200, type: 'application/pdf', disposition: `attachment; filename="van_ban_uy_quyen.pdf"; filename*=UTF-8''V%C4%83n%20b%E1%BA%A3n%20%E1%BB%A7y%20quy%E1%BB%81n.pdf` })

    await dialog.locator('tr', { hasText: 'UQ' }).getByRole('button', { name: 'Gỡ' }).click()
    await admin.getByRole('tooltip').getByRole('button', { name: 'Gỡ' }).click()
    await admin.getByText('Đã gỡ mẫu UQ').waitFor()
    await dialog.getByRole('link', { name: 'Văn bản ủy quyền đăng ký khai sinh' }).waitFor({ state: 'detached' })
    await province.close()

    const commune = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1366, height: 900 } })
    const officer = await commune.newPage()
    await officer.goto(`${server.url}/thu-tuc`)
    await logIn(officer, 'anthanh.motcua')
    await officer.locator('[data-procedure="1.001193"]').getByRole('button', { name: 'Mẫu đơn, tờ khai' }).click()
    await officer.getByRole('dialog').getByRole('link', { name: 'Tờ khai đăng ký khai sinh' }).waitFor()
    expect(await officer.getByRole('button', { name: 'Đính kèm' }).count()).toBe(0)
    expect(await officer.getByRole('button', { name: 'Gỡ' }).count()).toBe(0)
    await commune.close()
  })
})
