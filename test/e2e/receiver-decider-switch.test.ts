import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dashboardPath, hasChromium, type RunningServer, startDemoConsole, signedInPage, stopDemoConsole } from '../support/web-console.js'

describe.skipIf(!hasChromium)('the console’s switch "theo đơn vị tiếp nhận / theo đơn vị giải quyết"', { retry: 1 }, () => {
  let server: RunningServer
  let browser: Browser

  beforeAll(async () => {
    ;({ server, browser } = await startDemoConsole())
  }, 900_000)

  afterAll(async () => {
    await stopDemoConsole({ server, browser })
  })

  it('the dashboard and the index page ask by the deciding unit, and keep it in the address', async () => {
    const page = await signedInPage({ server, browser }, dashboardPath('H31', '2026-03-01', '2026-03-31'), 'hp.vanphong')
    await page.getByTestId('dashboard-title').waitFor()
    expect(await page.getByRole('radio', { name: 'Theo đơn vị tiếp nhận' }).isChecked()).toBe(true)

    const table = page.waitForResponse((r) => r.url().includes('/api/v1/indicators?') && r.url().includes('by=decider'))
    // The trend chart follows the switch: its points are the table's figures, counted the same way.
    const series = page.waitForResponse((r) => r.url().includes('/api/v1/indicators/series?') && r.url().includes('by=decider'))
    await page.getByText('Theo đơn vị giải quyết').click()
    expect((await table).status()).toBe(200)
    expect((await series).status()).toBe(200)
    await page.waitForURL(/by=decider/)
    expect(await page.getByTestId('dashboard-title').textContent()).toBe('Thành phố Hải Phòng')

    // The index page (a commune of today, a month of 2022): today's units and the deciding unit,
    // both in the request and in the address.
    await page.goto(`${server.url}/chi-so-766?unit=H31.07.2&ky=2022-09`)
    await page.getByLabel('Theo đơn vị hiện nay').waitFor()
    const overview = page.waitForRequest((r) => r.url().includes('/api/v1/index766?') && r.url().includes('tree=current') && r.url().includes('by=decider'))
    await page.getByLabel('Theo đơn vị hiện nay').check()
    await page.getByText('Theo đơn vị giải quyết').click()
    await overview
    await page.waitForURL(/tree=current.*by=decider|by=decider.*tree=current/)
    await page.getByTestId('index-title').waitFor({ timeout: 120_000 })
    expect(await page.getByTestId('index-title').textContent()).toContain('Tháng 9/2022')
    await page.context().close()
  })
})
