import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { toVietnamDate } from '../../src/domain/time/vietnam-time.js'
import { tempDir } from '../support/files.js'
import { plainPdf } from '../support/plain-pdf.js'
import { issueCredential, makeTestCa } from '../support/signing-ca.js'
import { DEMO_PASSWORD, ensureWebBuild, hasChromium, launchChromium, logIn, startServer, type RunningServer } from '../support/web-console.js'

async function ecertCopiesOf(page: Page, unit: string, day: string): Promise<number> {
  const answer = await page.evaluate(async (url) => (await fetch(url)).json(), `/api/v1/indicators?unit=${unit}&from=${day}&to=${day}`)
  return (answer as { rows: { indicators: { ecert_copies: { value: number } } }[] }).rows[0]!.indicators.ecert_copies.value
}

describe.skipIf(!hasChromium)('an e-certified copy at the commune desk, in a browser', { retry: 1 }, () => {
  let server: RunningServer
  let browser: Browser
  let context: BrowserContext
  let page: Page
  const today = toVietnamDate(new Date())
  const ca = makeTestCa()

  beforeAll(async () => {
    ensureWebBuild()
    const data = join(tempDir(), 'data')
    // The province's root, installed by the operator where the server looks for trust anchors.
    mkdirSync(join(data, 'trust-anchors'), { recursive: true })
    writeFileSync(join(data, 'trust-anchors', 'ca-thu-nghiem.pem'), ca.certificatePem)
    server = await startServer(data)
    browser = await launchChromium()
    // Hải Phòng's administrator registers the certificate of Tân Kỳ (An Thanh's commune since 1/7/2025) (what the officials page will do).
    const admin = await browser.newContext()
    const login = await admin.request.post(`${server.url}/api/v1/auth/login`, { data: { username: 'hp.quantri', password: DEMO_PASSWORD } })
    const csrf = ((await login.json()) as { csrf_token: string }).csrf_token
    const seal = issueCredential(ca, 'Ủy ban nhân dân xã Tân Kỳ', { organisation: 'UBND xã Tân Kỳ' })
    const registered = await admin.request.post(`${server.url}/api/v1/units/H31.07.2/signing-credential`, {
      headers: { 'x-csrf-token': csrf }, data: { file_name: 'tan-ky.p12', content_base64: seal.p12.toString('base64'), password: seal.password },
    })
    expect(registered.status(), await registered.text()).toBe(200)
    await admin.close()
    context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1366, height: 900 } })
    page = await context.newPage()
  }, 600_000)

  afterAll(async () => {
    await context?.close()
    await browser?.close()
    if (server) expect(await server.stop()).toBe(0)
  })

  it('certifies a copy: signed, numbered in the register, one more copy in Tân Kỳ’s figures, the register printed and exported', async () => {
    await page.goto(server.url)
    await logIn(page, 'hp.tanky.motcua')
    await page.waitForURL(/\/mot-cua/)
    const before = await ecertCopiesOf(page, 'H31.07.2', today)

    await page.getByRole('link', { name: 'Tiếp nhận hồ sơ' }).click()
    await page.locator('#procedure-search').fill('chung thuc ban sao')
    await page.locator('.ant-select-item-option').filter({ hasText: /^Thủ tục chứng thực bản sao từ bản chính/ }).first().click()
    await page.getByTestId('appointment-date').waitFor()
    await page.getByLabel('Họ và tên').fill('Trần Văn Sao')
    await page.getByRole('button', { name: 'Tiếp nhận và cấp giấy hẹn' }).click()
    await page.waitForURL(/\/mot-cua\/ho-so\/H31\.07\.2-/)
    const code = (await page.getByTestId('dossier-code').textContent())!

    await page.locator('#ecert-document').fill('Giấy khai sinh')
    await page.getByTestId('ecert-scan').locator('xpath=ancestor::span[contains(@class,"ant-upload")]').locator('input[type=file]')
      .setInputFiles({ name: 'giay-khai-sinh.pdf', mimeType: 'application/pdf', buffer: await plainPdf(['GIAY KHAI SINH']) })
    await page.getByTestId('ecert-scan').filter({ hasText: 'giay-khai-sinh.pdf' }).waitFor()
    await page.getByTestId('ecert-certify').click()
    await page.getByTestId('ecert-number').first().waitFor()
    const year = Number(today.slice(0, 4))
    expect(await page.getByTestId('ecert-number').first().textContent()).toMatch(new RegExp(`^\\d+/${year}$`))
    expect(await page.locator('[data-testid="ecert-copies"] [data-signature]').first().getAttribute('data-signature')).toBe('valid')
    expect(await ecertCopiesOf(page, 'H31.07.2', today)).toBe(before + 1)

    const number = Number((await page.getByTestId('ecert-number').first().textContent())!.split('/')[0])
    const print = await context.newPage()
    await print.goto(`${server.url}/mot-cua/so-chung-thuc?don-vi=H31.07.2&nam=${year}`)
    const row = print.locator(`[data-register-number="${number}"]`)
    await row.waitFor()
    expect(await row.textContent()).toContain('Giấy khai sinh')
    expect(await row.textContent()).toContain('Trần Văn Sao')
    const xlsx = await print.request.get(`${server.url}/api/v1/ecert-register.xlsx?unit=H31.07.2&year=${year}`)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load((await xlsx.body()) as unknown as ArrayBuffer)
    const values = workbook.worksheets[0]!.getSheetValues().map((r) => (Array.isArray(r) ? r.join('|') : ''))
    expect(values.some((line) => line.includes(code) && line.includes('Giấy khai sinh'))).toBe(true)
    await print.close()
  })
})
