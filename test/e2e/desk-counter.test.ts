import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dashboardPath, hasChromium, logIn, type RunningServer, startDemoConsole, stopDemoConsole } from '../support/web-console.js'

/** Every uncaught error and console error of a page, from now on. */
function collectErrors(page: Page): string[] {
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`))
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`)
  })
  return errors
}

interface Layout {
  overflow: number
  width: number
  header: number
  titleRight: number
  names: { text: string; width: number; right: number; clipped: boolean }[]
}
/** Measured in the page (the tests' TypeScript has no DOM): overflow, the header's height, the title and each component's name. */
const LAYOUT_OF_DOSSIER_PAGE = `(() => {
  const header = document.querySelector('.console-header').getBoundingClientRect()
  const title = document.querySelector('[data-testid="dossier-code"]').getBoundingClientRect()
  const names = [...document.querySelectorAll('.component-name')].map((n) => {
    const box = n.getBoundingClientRect()
    return { text: n.textContent || '', width: box.width, right: box.right, clipped: n.scrollWidth > n.clientWidth + 1 }
  })
  return { overflow: document.documentElement.scrollWidth - window.innerWidth, width: window.innerWidth, header: header.height, titleRight: title.right, names }
})()`

/** A dossier received today at Tân Kỳ (An Thanh's commune since 1/7/2025) through the API, with its required components handed in: a procedure that has some. */
async function receiveWithComponents(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const me = (await (await fetch('/api/v1/auth/me')).json()) as { csrf_token: string }
    const procedures = (await (await fetch('/api/v1/procedures?q=khai%20sinh')).json()) as { code: string; components: { position: number; required: boolean }[] }[]
    const procedure = procedures.find((p) => p.components.length >= 2) ?? procedures.find((p) => p.components.length > 0)!
    const response = await fetch('/api/v1/dossiers', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrf_token },
      body: JSON.stringify({
        unit: 'H31.07.2', procedure_code: procedure.code, channel: 'direct',
        applicant: { name: 'Nguyễn Thị Điện Thoại', phone: '0912345678' },
        received_components: procedure.components.map((c) => c.position),
      }),
    })
    if (!response.ok) throw new Error(await response.text())
    return ((await response.json()) as { code: string }).code
  })
}

describe.skipIf(!hasChromium)('the desk an officer works at all day, in a browser', { retry: 1 }, () => {
  let server: RunningServer
  let browser: Browser
  let context: BrowserContext
  let page: Page
  let code = ''

  beforeAll(async () => {
    ;({ server, browser } = await startDemoConsole())
    context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1440, height: 900 } })
    page = await context.newPage()
    await page.goto(server.url)
    await logIn(page, 'hp.tanky.motcua')
    await page.waitForURL(/\/mot-cua/)
    code = await receiveWithComponents(page)
  }, 400_000)

  afterAll(async () => {
    await context?.close()
    await stopDemoConsole({ server, browser })
  })

  it('on a 390 px phone the dossier page does not scroll sideways, the header is compact and every component’s name is readable', async () => {
    const phone = await browser.newContext({ locale: 'vi-VN', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, storageState: await context.storageState() })
    try {
      const mobile = await phone.newPage()
      await mobile.goto(`${server.url}/mot-cua/ho-so/${encodeURIComponent(code)}`)
      await mobile.getByTestId('dossier-code').waitFor()
      await mobile.locator('.component-name').first().waitFor()
      const layout = (await mobile.evaluate(LAYOUT_OF_DOSSIER_PAGE)) as Layout
      expect(layout.width).toBe(390)
      expect(layout.overflow).toBeLessThanOrEqual(0)
      // Compact: the header leaves most of the screen to the dossier.
      expect(layout.header).toBeLessThanOrEqual(130)
      expect(layout.titleRight).toBeLessThanOrEqual(390)
      expect(layout.names.length).toBeGreaterThan(0)
      for (const name of layout.names) {
        expect(name.text.trim().length, JSON.stringify(name)).toBeGreaterThan(3)
        // Readable: a good part of the screen's width, inside it, not cut.
        expect(name.width, JSON.stringify(name)).toBeGreaterThanOrEqual(200)
        expect(name.right, JSON.stringify(name)).toBeLessThanOrEqual(390)
        expect(name.clipped, JSON.stringify(name)).toBe(false)
      }
    } finally {
      await phone.close()
    }
  })

  it('an empty reason for a step and an empty feedback form say what is missing, with no uncaught error or console error', async () => {
    const errors = collectErrors(page)
    await page.goto(`${server.url}/mot-cua/ho-so/${encodeURIComponent(code)}`)
    await page.locator('[data-step="request_supplement"]').click()
    const dialog = page.locator('.ant-modal:visible')
    await dialog.getByRole('button', { name: 'Ghi nhận' }).click()
    await dialog.getByText('Nhập lý do: quy định yêu cầu ghi rõ').waitFor()
    await dialog.getByRole('button', { name: 'Hủy' }).click()

    await page.goto(`${server.url}/phan-anh`)
    await page.getByRole('button', { name: 'Tiếp nhận phản ánh' }).click()
    const form = page.locator('.ant-modal:visible')
    await form.getByRole('button', { name: 'Tiếp nhận' }).click()
    await form.getByText('Nhập nội dung').waitFor()
    await page.waitForTimeout(300)
    expect(errors).toEqual([])
  })

  it('keys work the counter: ? shows the shortcuts, C opens the hand-over to a specialist', async () => {
    await page.goto(`${server.url}/mot-cua/ho-so/${encodeURIComponent(code)}`)
    await page.getByTestId('dossier-status').waitFor()
    await page.keyboard.press('?')
    await page.getByTestId('shortcut-help').getByText('Chuyển xử lý').waitFor()
    await page.keyboard.press('Escape')
    await page.locator('.ant-modal:visible').waitFor({ state: 'detached' }).catch(() => undefined)
    await page.keyboard.press('c')
    // A hand-over names whom it goes to: the key opens that choice, as the button does.
    const handOver = page.getByRole('dialog')
    await handOver.locator('[data-specialist]').first().click()
    await handOver.getByTestId('hand-over-confirm').click()
    await page.locator('[data-event="hand_over"]').waitFor()
    expect(await page.getByTestId('dossier-status').textContent()).toBe('Đang xử lý')
  })

  it('at 1440 px the dashboard’s drill-down list fits without scrolling sideways, and a code opens its dossier', async () => {
    await page.goto(server.url + dashboardPath('H23.07.01', '2022-09-05', '2022-09-09'))
    await page.getByTestId('value-received').click()
    const drawer = page.locator('.ant-drawer-section')
    await drawer.locator('tbody tr.ant-table-row').first().waitFor()
    const fits = (await page.evaluate(`(() => {
      const table = document.querySelector('.ant-drawer-section .ant-table-content, .ant-drawer-section .ant-table-body')
      return { scroll: table.scrollWidth, client: table.clientWidth }
    })()`)) as { scroll: number; client: number }
    expect(fits.scroll).toBeLessThanOrEqual(fits.client + 1)
    expect(await drawer.getByTestId('drill-xlsx').isEnabled()).toBe(true)
    const first = drawer.locator('a[data-dossier]').first()
    const dossier = (await first.textContent())!
    await first.click()
    await page.waitForURL(/\/mot-cua\/ho-so\//)
    expect(await page.getByTestId('dossier-code').textContent()).toBe(dossier)
  })

  it('returning a dossier whose fee is not paid asks first; confirmed, it is returned, and the fee receipt prints the amount in words once paid', async () => {
    const feeCode = (await page.evaluate(`(async () => {
      const me = await (await fetch('/api/v1/auth/me')).json()
      const send = async (url, body) => {
        const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrf_token }, body: JSON.stringify(body) })
        if (!response.ok) throw new Error(await response.text())
        return response.json()
      }
      const procedures = await (await fetch('/api/v1/procedures?q=chung%20thuc')).json()
      const procedure = procedures.find((p) => p.fee_vnd > 0 && p.level === 'commune')
      const dossier = await send('/api/v1/dossiers', { unit: 'H31.07.2', procedure_code: procedure.code, channel: 'direct', applicant: { name: 'Lê Văn Phí' }, received_components: procedure.components.map((c) => c.position) })
      for (const type of ['hand_over', 'finish']) await send('/api/v1/dossiers/' + encodeURIComponent(dossier.code) + '/events', { type })
      return dossier.code
    })()`)) as string
    await page.goto(`${server.url}/mot-cua/ho-so/${encodeURIComponent(feeCode)}`)
    await page.locator('[data-step="return"]:not([disabled])').click()
    await page.locator('.ant-popconfirm:visible').getByRole('button', { name: 'Đồng ý' }).click()
    const warning = page.locator('.ant-modal-confirm:visible')
    await warning.getByText('Hồ sơ chưa ghi nhận nộp phí, lệ phí').waitFor()
    await warning.getByRole('button', { name: 'Xác nhận, tiếp tục' }).click()
    await page.locator('[data-event="return"]').waitFor()
    expect(await page.getByTestId('dossier-status').textContent()).toBe('Đã trả kết quả')

    await page.getByRole('button', { name: 'Ghi nhận nộp tại quầy' }).click()
    await page.getByTestId('paid').waitFor()
    const receipt = await context.newPage()
    await receipt.goto(`${server.url}/mot-cua/ho-so/${encodeURIComponent(feeCode)}/in/bien-lai`)
    await receipt.getByTestId('receipt-words').waitFor()
    expect(await receipt.getByTestId('receipt-words').textContent()).toMatch(/^\(Viết bằng chữ: [A-ZĐ][^.]* đồng\.\)$/)
    await receipt.close()
  })

  it('the receipt slip carries the QR code and the short address of the citizen’s lookup', async () => {
    const slip = await context.newPage()
    await slip.goto(`${server.url}/mot-cua/ho-so/${encodeURIComponent(code)}/in/giay-tiep-nhan`)
    await slip.getByTestId('tracking-qr').locator('svg').waitFor()
    expect(await slip.getByTestId('tracking-url').textContent()).toBe(`${server.url}/tra-cuu/${code}`)
    await slip.close()
  })
})
