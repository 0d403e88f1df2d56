import type { FastifyInstance } from 'fastify'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../../src/db/open-database.js'
import { createUser } from '../../src/modules/accounts/create-user.js'
import { startApiServer, stopApiServer } from '../support/api-server.js'
import { tempDir } from '../support/files.js'
import { loadSmallDistrict } from '../support/small-district.js'
import { DEMO_PASSWORD, ensureWebBuild, hasChromium, launchChromium, logIn } from '../support/web-console.js'

/* An officer changes their password from the console's header, then signs in with the new one. */
describe.skipIf(!hasChromium)('changing one’s password in the console', { retry: 1 }, () => {
  let handle: DatabaseHandle
  let app: FastifyInstance
  let url: string
  let browser: Browser

  beforeAll(async () => {
    ensureWebBuild()
    ;({ handle, app } = await startApiServer({ filesDir: tempDir() }))
    await loadSmallDistrict(handle, [])
    await createUser(handle.db, { username: 'anthanh.motcua', displayName: 'Một cửa An Thanh', password: DEMO_PASSWORD, unitCode: 'H23.07.01', role: 'officer' }, 'test')
    url = await app.listen({ port: 0, host: '127.0.0.1' })
    browser = await launchChromium()
  }, 600_000)
  afterAll(async () => {
    await browser?.close()
    if (app) await stopApiServer({ handle, app })
  })

  it('refuses a mismatch and a wrong current password in Vietnamese, then changes it; the new password signs in', async () => {
    const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1366, height: 900 } })
    const page = await context.newPage()
    await page.goto(url)
    await logIn(page, 'anthanh.motcua')
    await page.getByRole('button', { name: 'Đổi mật khẩu' }).click()
    const dialog = page.getByRole('dialog', { name: 'Đổi mật khẩu' })

    await dialog.getByLabel('Mật khẩu hiện tại').fill('sai-mat-khau-9')
    await dialog.getByLabel('Mật khẩu mới', { exact: true }).fill('Mot-cua-An-Thanh-2026')
    await dialog.getByLabel('Nhập lại mật khẩu mới').fill('Mot-cua-An-Thanh-2027')
    await dialog.getByRole('button', { name: 'Đổi mật khẩu' }).click()
    await dialog.getByText('Hai lần nhập mật khẩu mới không khớp').waitFor()

    await dialog.getByLabel('Nhập lại mật khẩu mới').fill('Mot-cua-An-Thanh-2026')
    await dialog.getByRole('button', { name: 'Đổi mật khẩu' }).click()
    await page.getByText('Mật khẩu hiện tại không đúng').waitFor()

    await dialog.getByLabel('Mật khẩu hiện tại').fill(DEMO_PASSWORD)
    await dialog.getByRole('button', { name: 'Đổi mật khẩu' }).click()
    await page.getByText('Đã đổi mật khẩu.').waitFor()
    await dialog.waitFor({ state: 'hidden' })

    await page.getByRole('button', { name: 'Đăng xuất' }).click()
    await logIn(page, 'anthanh.motcua', DEMO_PASSWORD)
    await page.getByText('Tên đăng nhập hoặc mật khẩu không đúng').waitFor()
    await logIn(page, 'anthanh.motcua', 'Mot-cua-An-Thanh-2026')
    await page.getByRole('button', { name: 'Đổi mật khẩu' }).waitFor()
    const changes = await handle.db.selectFrom('audit_log').select('action').where('actor', '=', 'user:anthanh.motcua').where('action', '=', 'user.password_change').execute()
    expect(changes).toHaveLength(1)
    await context.close()
  })
})
