import { PDFDocument } from 'pdf-lib'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { toVietnamDate } from '../../src/domain/time/vietnam-time.js'
import { hasChromium, logIn, type RunningServer, startDemoConsole, stopDemoConsole } from '../support/web-console.js'

/** The desk's day in a browser (issue 15): find a dossier, hand it to a named specialist, a leader approves, the tracking book prints. */
describe.skipIf(!hasChromium)('the desk an officer works at all day, in a browser', { retry: 1 }, () => {
  let server: RunningServer
  let browser: Browser
  const contexts: BrowserContext[] = []
  const today = toVietnamDate(new Date())
  let officer: Page
  let code = ''

  async function signedIn(username: string): Promise<Page> {
    const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1440, height: 900 } })
    contexts.push(context)
    const page = await context.newPage()
    await page.goto(server.url)
    await logIn(page, username)
    await page.locator('.console-header').waitFor()
    return page
  }

  const statusOf = (page: Page) => page.getByTestId('dossier-status').textContent()

  beforeAll(async () => {
    ;({ server, browser } = await startDemoConsole())
    officer = await signedIn('hp.tanky.motcua')
    // A dossier received today at the counter of Tân Kỳ (An Thanh's commune since 1/7/2025), as the receive form sends it.
    code = await officer.evaluate(async () => {
      const me = (await (await fetch('/api/v1/auth/me')).json()) as { csrf_token: string }
      const procedures = (await (await fetch('/api/v1/procedures?q=khai%20sinh')).json()) as { code: string; components: { position: number; required: boolean }[] }[]
      const procedure = procedures[0]!
      const response = await fetch('/api/v1/dossiers', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrf_token },
        body: JSON.stringify({
          unit: 'H31.07.2', procedure_code: procedure.code, channel: 'direct',
          applicant: { name: 'Võ Thị Ngọc Ánh', id_number: '030195007788', phone: '0977123456', address: 'Thôn Đông, xã An Thanh' },
          received_components: procedure.components.filter((c) => c.required).map((c) => c.position),
        }),
      })
      return ((await response.json()) as { code: string }).code
    })
    expect(code).toMatch(/^H31\.07\.2-\d{6}-\d{3}$/)
  }, 400_000)

  afterAll(async () => {
    for (const context of contexts) await context.close()
    await stopDemoConsole({ server, browser })
  })

  it('finds the dossier from the desk’s search box by the name typed without diacritics, then by phone', async () => {
    await officer.goto(`${server.url}/mot-cua`)
    await officer.locator('#desk-search').fill('vo thi ngoc anh')
    await officer.locator('#desk-search').press('Enter')
    await officer.getByTestId('search-summary').filter({ hasText: '1 hồ sơ' }).waitFor()
    const rows = officer.locator('a[data-dossier]')
    expect(await rows.allTextContents()).toEqual([code])
    await officer.locator('#desk-search').fill('0977 123 456')
    await officer.locator('#desk-search').press('Enter')
    await officer.getByTestId('search-summary').filter({ hasText: '0977 123 456' }).waitFor()
    await officer.locator(`a[data-dossier="${code}"]`).click()
    await officer.waitForURL(/\/mot-cua\/ho-so\//)
    expect(await officer.getByTestId('dossier-code').textContent()).toBe(code)
  })

  it('hands the dossier over to a named specialist, who finds it in "Của tôi"', async () => {
    await officer.locator('[data-step="hand_over"]').click()
    const dialog = officer.getByRole('dialog')
    await dialog.locator('[data-specialist="hp.tanky.chuyenvien"]').click()
    await dialog.getByTestId('hand-over-confirm').click()
    await officer.locator('[data-event="hand_over"]').waitFor()
    expect(await officer.locator('[data-event="hand_over"]').textContent()).toContain('Giao cho: hp.tanky.chuyenvien')
    expect(await statusOf(officer)).toBe('Đang xử lý')
    // A step taken is not offered again, and approval is not the officer's.
    expect(await officer.locator('[data-step="hand_over"]').count()).toBe(0)
    expect(await officer.locator('[data-step="approve"]').count()).toBe(0)

    const specialist = await signedIn('hp.tanky.chuyenvien')
    await specialist.goto(`${server.url}/mot-cua?hang-doi=mine`)
    await specialist.locator(`a[data-dossier="${code}"]`).click()
    await specialist.waitForURL(/\/mot-cua\/ho-so\//)
    await specialist.locator('[data-step="submit_for_signature"]').click()
    await specialist.locator('[data-event="submit_for_signature"]').waitFor()
    expect(await statusOf(specialist)).toBe('Trình ký')
    expect(await specialist.locator('[data-step="submit_for_signature"]').count()).toBe(0)
    expect(await specialist.locator('[data-step="approve"]').count()).toBe(0)
  })

  it('a leader approves it from the queue waiting for approval', async () => {
    const leader = await signedIn('hp.tanky.lanhdao')
    await leader.goto(`${server.url}/mot-cua?hang-doi=to_sign`)
    await leader.locator(`a[data-dossier="${code}"]`).click()
    await leader.waitForURL(/\/mot-cua\/ho-so\//)
    await leader.locator('[data-step="approve"]').click()
    await leader.locator('[data-event="approve"]').waitFor()
    expect(await statusOf(leader)).toBe('Đã phê duyệt')
    expect(await leader.locator('[data-step="approve"]').count()).toBe(0)
  })

  it('prints the tracking book of today on A4 landscape, the dossier in it with its specialist', async () => {
    await officer.goto(`${server.url}/mot-cua/so-theo-doi?unit=H31.07.2&from=${today}&to=${today}&kind=received`)
    await officer.locator(`[data-book-row="${code}"]`).waitFor()
    const [print] = await Promise.all([officer.context().waitForEvent('page'), officer.getByTestId('book-print').click()])
    await print!.getByTestId('tracking-book-print').waitFor()
    await print!.locator(`[data-book-row="${code}"]`).waitFor()
    const paper = (await print!.getByTestId('tracking-book-print').textContent())!
    expect(paper).toContain('Sổ theo dõi hồ sơ')
    expect(paper).toContain('Xã Tân Kỳ')
    const [y, m, d] = today.split('-')
    expect(paper).toContain(`Từ ngày ${d}/${m}/${y} đến ngày ${d}/${m}/${y}`)
    const row = (await print!.locator(`[data-book-row="${code}"]`).locator('td').allTextContents())
    expect(row.slice(1, 4)).toEqual([code, expect.stringContaining('khai sinh'), 'Võ Thị Ngọc Ánh'])
    expect(row[5]).toBe(`${d}/${m}/${y}`)
    expect(row[7]).toBe(`${d}/${m}/${y}`)
    expect(row[8]).toBe('Tài khoản thử (Xã Tân Kỳ)')
    expect(await print!.getByTestId('book-totals').textContent()).toMatch(/^Tổng cộng: \d+ hồ sơ, trong đó \d+ hồ sơ trễ hạn$/)
    // On paper: the toolbar is gone and the pages are A4 landscape.
    await print!.emulateMedia({ media: 'print' })
    expect(await print!.locator('.print-toolbar').isVisible()).toBe(false)
    const pdf = await PDFDocument.load(await print!.pdf({ preferCSSPageSize: true, printBackground: true }))
    const { width, height } = pdf.getPage(0).getSize()
    expect(Math.round(width)).toBe(842)
    expect(Math.round(height)).toBe(595)
  })
})
