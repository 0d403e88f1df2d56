import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dashboardPath, hasChromium, type RunningServer, startDemoConsole, signedInPage, stopDemoConsole } from '../support/web-console.js'

/** The codes of the child units the dashboard's table lists, in order. */
async function childCodes(page: Page): Promise<string[]> {
  const table = page.getByRole('region', { name: 'Các đơn vị trực thuộc' })
  await table.locator('[data-unit]').first().waitFor()
  return table.locator('[data-unit]').evaluateAll((buttons) => buttons.map((b) => b.getAttribute('data-unit') ?? ''))
}

/** The names the unit picker offers, once opened. */
async function pickerNames(page: Page): Promise<string[]> {
  await page.locator('#chon-don-vi').click()
  const options = page.locator('.ant-select-tree-title')
  await options.first().waitFor()
  const names = await options.allTextContents()
  await page.keyboard.press('Escape')
  return names
}

describe.skipIf(!hasChromium)('the console’s unit tree as of a date (the demo’s reorganisation of 1/7/2025)', { retry: 1 }, () => {
  let server: RunningServer
  let browser: Browser

  beforeAll(async () => {
    ;({ server, browser } = await startDemoConsole())
  }, 900_000)

  afterAll(async () => {
    await stopDemoConsole({ server, browser })
  })

  it('2026 lists today’s communes; 2022 lists the districts of 2022; "theo đơn vị hiện nay" lists today’s units for 2022', async () => {
    const page = await signedInPage({ server, browser }, dashboardPath('H31', '2026-03-01', '2026-03-31'), 'hp.vanphong')
    await page.getByTestId('dashboard-title').waitFor()
    expect(await page.getByTestId('dashboard-title').textContent()).toBe('Thành phố Hải Phòng')

    const today = await childCodes(page)
    expect(today).toContain('H31.07.2')
    expect(today.filter((code) => code.startsWith('H23'))).toEqual([])
    expect(await page.getByText('Cây đơn vị ngày 31/3/2026').count()).toBe(1)
    const namesToday = await pickerNames(page)
    expect(namesToday).toContain('Xã Tân Kỳ')
    expect(namesToday).not.toContain('Huyện Tứ Kỳ')

    await page.goto(server.url + dashboardPath('H31', '2022-09-01', '2022-09-30'))
    await page.getByText('Cây đơn vị ngày 30/9/2022').waitFor()
    const of2022 = await childCodes(page)
    expect(of2022).toContain('H23.07')
    expect(of2022.filter((code) => code.startsWith('H31'))).toEqual([])
    // The picker's tree of 30/9/2022: Hải Dương, whose history the city holds; the city did not exist.
    const names2022 = await pickerNames(page)
    expect(names2022).toContain('Tỉnh Hải Dương')
    expect(names2022).not.toContain('Thành phố Hải Phòng')

    await page.getByLabel('Theo đơn vị hiện nay').check()
    await page.waitForURL(/tree=current/)
    await page.getByRole('region', { name: 'Các đơn vị trực thuộc' }).locator('[data-unit="H31.07.2"]').waitFor()
    const current2022 = await childCodes(page)
    expect(current2022.filter((code) => code.startsWith('H23'))).toEqual([])
    await page.context().close()
  })
})
