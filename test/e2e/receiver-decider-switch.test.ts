import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { tempDir } from '../support/files.js'
import { dashboardPath, ensureWebBuild, hasChromium, launchChromium, logIn, startServer, type RunningServer } from '../support/web-console.js'

describe.skipIf(!hasChromium)('the console’s switch "theo đơn vị tiếp nhận / theo đơn vị giải quyết"', { retry: 1 }, () => {
  let server: RunningServer
  let browser: Browser

  beforeAll(async () => {
    ensureWebBuild()
    server = await startServer(join(tempDir(), 'data'))
    browser = await launchChromium()
  }, 900_000)

  afterAll(async () => {
    await browser?.close()
    if (server) expect(await server.stop()).toBe(0)
  })

  it('the dashboard and the index page ask by the deciding unit, and keep it in the address', async () => {
    const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1440, height: 900 } })
    const page = await context.newPage()
    await page.goto(server.url + dashboardPath('H31', '2026-03-01', '2026-03-31'))
    await logIn(page, 'hp.vanphong')
    await page.getByTestId('dashboard-title').waitFor()
    expect(await page.getByRole('radio', { name: 'Theo đơn vị tiếp nhận' }).isChecked()).toBe(true)

    const table = page.waitForResponse((r) => r.url().includes('/api/v1/indicators?') && r.url().includes('by=decider'))
    await page.getByText('Theo đơn vị giải quyết').click()
    expect((await table).status()).toBe(200)
    await page.waitForURL(/by=decider/)
    expect(await page.getByTestId('dashboard-title').textContent()).toBe('Thành phố Hải Phòng')

    // The index page: today's units and the deciding unit, both in the request and the address.
    const overview = page.waitForResponse((r) => r.url().includes('/api/v1/index766?') && r.url().includes('tree=current') && r.url().includes('by=decider'))
    await page.goto(`${server.url}/chi-so-766?unit=H31&ky=2022-Q3`)
    await page.getByTestId('index-title').waitFor()
    await page.getByLabel('Theo đơn vị hiện nay').check()
    await page.getByText('Theo đơn vị giải quyết').click()
    expect((await overview).status()).toBe(200)
    await page.waitForURL(/tree=current.*by=decider|by=decider.*tree=current/)
    await page.getByTestId('index-title').waitFor()
    await context.close()
  })
})
