import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hasChromium, logIn, type RunningServer, startDemoConsole, stopDemoConsole } from '../support/web-console.js'

describe.skipIf(!hasChromium)('the officials registry in a browser', { retry: 1 }, () => {
  let server: RunningServer
  let browser: Browser
  let context: BrowserContext
  let page: Page

  beforeAll(async () => {
    ;({ server, browser } = await startDemoConsole())
    context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1366, height: 900 } })
    page = await context.newPage()
  }, 400_000)

  afterAll(async () => {
    await context?.close()
    await stopDemoConsole({ server, browser })
  })

  const rows = () => page.locator('tr[data-official]')
  const names = async () => (await rows().evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-official')))).sort()
  const choose = async (label: string, option: string) => {
    await page.getByLabel(label).click()
    await page.locator('.ant-select-item-option').filter({ hasText: option }).first().click()
  }

  async function addOfficial(fields: { name: string; account?: string }) {
    await page.getByRole('button', { name: 'Thêm cán bộ' }).click()
    await page.locator('#full_name').fill(fields.name)
    if (fields.account) await page.locator('#national_portal_account').fill(fields.account)
    await page.getByRole('button', { name: 'Lưu' }).click()
    await page.locator(`tr[data-official="${fields.name}"]`).waitFor()
  }

  it('lists the district’s officials, filters them by the seed’s lists, and prints a list on A4', async () => {
    await page.goto(server.url)
    await logIn(page, 'tuky.quantri')
    await page.getByRole('link', { name: 'Cán bộ, chữ ký số' }).click()
    await page.waitForURL(/\/can-bo\?unit=H23\.07/)
    await addOfficial({ name: 'Nguyễn Văn An', account: 'an.nv' })
    await addOfficial({ name: 'Lê Thị Cúc' })
    expect(await names()).toEqual(['Lê Thị Cúc', 'Nguyễn Văn An'])

    // Typed without diacritics, as people do.
    await page.getByLabel('Tìm cán bộ').fill('le thi cuc')
    expect(await names()).toEqual(['Lê Thị Cúc'])
    await page.getByLabel('Tìm cán bộ').fill('')

    await choose('Lọc theo danh sách', 'Chưa có quyền chứng thực điện tử')
    await expect.poll(names).toEqual(['Nguyễn Văn An'])
    await choose('Lọc theo danh sách', 'Chưa có chữ ký số hoặc tài khoản')
    await expect.poll(names).toEqual(['Lê Thị Cúc', 'Nguyễn Văn An'])
    expect(page.url()).toMatch(/list=missing-certificate-or-account/)

    await page.getByTestId('print-lists').hover()
    await page.locator('.ant-dropdown-menu-item').filter({ hasText: 'Chưa có quyền chứng thực điện tử' }).click()
    await page.waitForURL(/\/can-bo\/in\/account-without-ecert-right\?unit=H23\.07/)
    const printed = page.getByTestId('printed-list')
    await printed.waitFor()
    await expect.poll(() => printed.locator('tbody tr').allInnerTexts()).toEqual([expect.stringMatching(/^1\s+Huyện Tứ Kỳ\s+Nguyễn Văn An\s+an\.nv\s+Chưa đăng ký/)])
    expect(await printed.locator('h1').innerText()).toMatch(/chưa được cấp quyền chứng thực điện tử/i)
    await page.emulateMedia({ media: 'print' })
    expect(await page.locator('.print-toolbar').isVisible()).toBe(false)
    expect(await page.getByRole('link', { name: 'Cán bộ, chữ ký số' }).count()).toBe(0)
  }, 120_000)
})
