import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { formatPercent } from '../../src/domain/format/vietnamese-numbers.js'
import { WorkingCalendar } from '../../src/domain/calendar/working-calendar.js'
import { addDays } from '../../src/domain/time/local-date.js'
import { toVietnamDate } from '../../src/domain/time/vietnam-time.js'
import { confirmPopover, dashboardPath, DEMO_PASSWORD, hasChromium, logIn, type RunningServer, startDemoConsole, stopDemoConsole } from '../support/web-console.js'

/** A scan only needs the first bytes of a PDF for the desk to take it. */
/** Today's commune of the demo: Xã Tân Kỳ, formed on 1/7/2025 from An Thanh and three others; the desk works there now. */
const TODAY_COMMUNE = 'H31.07.2'
const SCAN_PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n')

interface Figure {
  numerator?: number
  denominator?: number
  value: number | null
}
type Figures = Record<string, Figure>

async function figuresOf(page: Page, unit: string, day: string): Promise<Figures> {
  const answer = await page.evaluate(async (url) => (await fetch(url)).json(), `/api/v1/indicators?unit=${unit}&from=${day}&to=${day}`)
  return (answer as { rows: { indicators: Figures }[] }).rows[0]!.indicators
}

describe.skipIf(!hasChromium)('the one-stop desk in a browser', { retry: 1 }, () => {
  let server: RunningServer
  let browser: Browser
  let context: BrowserContext
  let page: Page
  const today = toVietnamDate(new Date())
  let code = ''

  beforeAll(async () => {
    ;({ server, browser } = await startDemoConsole())
    context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1366, height: 900 } })
    page = await context.newPage()
  }, 400_000)

  afterAll(async () => {
    await context?.close()
    await stopDemoConsole({ server, browser })
  })

  it('receives a birth registration at Tân Kỳ (An Thanh’s commune since 1/7/2025), digitizes it, returns it, and Tân Kỳ’s figures of today change by exactly that dossier', async () => {
    await page.goto(server.url)
    await logIn(page, 'hp.tanky.motcua')
    // An officer lands on the desk, not on the dashboard.
    await page.waitForURL(/\/mot-cua/)
    const before = await figuresOf(page, TODAY_COMMUNE, today)

    await page.getByRole('link', { name: 'Tiếp nhận hồ sơ' }).click()
    await page.waitForURL(/\/mot-cua\/tiep-nhan/)
    // Typed without diacritics, as people do.
    await page.locator('#procedure-search').fill('dang ky khai sinh')
    await page.locator('.ant-select-item-option').filter({ hasText: /^Thủ tục đăng ký khai sinh \(/ }).click()
    await page.getByTestId('appointment-date').waitFor()
    expect(await page.getByTestId('appointment-date').textContent()).toMatch(/^\d{1,2}\/\d{1,2}\/20\d\d \d\d:\d\d$/)

    await page.getByLabel('Họ và tên').fill('Nguyễn Thị Hoa')
    await page.getByLabel('Số CCCD/CMND/hộ chiếu').fill('030190001234')
    await page.getByLabel('Số điện thoại').fill('0912 345 678')
    // The identity was checked against the population database (Decision 766, 4.5b); the rest stays unknown.
    await page.locator('[data-flag="population_data_used"]').getByText('Có', { exact: true }).click()
    await page.getByRole('button', { name: 'Tiếp nhận và cấp giấy hẹn' }).click()
    await page.waitForURL(/\/mot-cua\/ho-so\/H31\.07\.2-/)
    code = (await page.getByTestId('dossier-code').textContent())!
    expect(code).toMatch(/^H31\.07\.2-\d{6}-\d{3}$/)
    expect(await page.getByTestId('dossier-status').textContent()).toBe('Đã tiếp nhận')

    // The receipt and appointment slip carries the code and the same appointment as the dossier.
    const slip = await context.newPage()
    await slip.goto(`${server.url}/mot-cua/ho-so/${encodeURIComponent(code)}/in/giay-tiep-nhan`)
    await slip.getByTestId('printed-form').waitFor()
    const slipText = (await slip.getByTestId('printed-form').textContent())!
    expect(slipText).toContain('Giấy tiếp nhận hồ sơ và hẹn trả kết quả')
    expect(slipText).toContain(`Mã hồ sơ: ${code}`)
    expect(slipText).toContain('Nguyễn Thị Hoa')
    expect(await slip.getByTestId('slip-due').textContent()).toMatch(/Thời gian trả kết quả giải quyết hồ sơ: \d\d giờ \d\d phút, ngày \d\d tháng \d{1,2} năm 20\d\d\./)
    await slip.close()

    // Digitize every component handed in.
    const rows = page.locator('[data-component-row]')
    const count = await rows.count()
    expect(count).toBeGreaterThan(0)
    for (let i = 0; i < count; i++) {
      const row = rows.nth(i)
      if ((await row.textContent())?.includes('Chưa số hóa')) {
        await row.locator('input[type=file]').setInputFiles({ name: `thanh-phan-${i + 1}.pdf`, mimeType: 'application/pdf', buffer: SCAN_PDF })
        await row.getByText(`thanh-phan-${i + 1}.pdf`).waitFor()
      }
    }
    await page.getByTestId('missing-scans').filter({ hasText: 'Đã số hóa đủ thành phần' }).waitFor()

    // To the result, its scan and the return (the way through a named specialist and a leader's approval: desk-work.test.ts).
    for (const step of ['finish']) {
      await page.locator(`[data-step="${step}"]`).click()
      await page.locator(`[data-event="${step}"]`).waitFor()
    }
    await page.locator('[data-testid="upload-result"]').locator('xpath=ancestor::span[contains(@class,"ant-upload")]').locator('input[type=file]').setInputFiles({ name: 'ket-qua.pdf', mimeType: 'application/pdf', buffer: SCAN_PDF })
    await page.getByTestId('result-scan').waitFor()
    // The upload's own re-render must be over (the buttons are enabled again) before the final step.
    await page.locator('[data-step="return"]:not([disabled])').click()
    await confirmPopover(page)
    await page.locator('[data-event="return"]').waitFor({ timeout: 60_000 })
    expect(await page.getByTestId('dossier-status').textContent()).toBe('Đã trả kết quả')
    await page.locator('[data-flag="synced_national"]').getByText('Có', { exact: true }).click()
    await page.getByText('Đã cập nhật: Đã đồng bộ lên Cổng DVC quốc gia').waitFor()
    const stored = (await page.evaluate(async (url) => (await fetch(url)).json(), `/api/v1/dossiers/${encodeURIComponent(code)}`)) as { flags: Record<string, boolean | null> }
    expect(stored.flags).toEqual({ synced_national: true, reused_data: null, linked_data_store: null, population_data_used: true, result_on_paper: null, e_result_issued: null })

    // The dashboard of Tân Kỳ for today: one more dossier received, digitized, finished on time, its result digitized.
    const after = await figuresOf(page, TODAY_COMMUNE, today)
    const plusOne = (id: string, part: 'numerator' | 'denominator') => (after[id]![part] ?? 0) - (before[id]![part] ?? 0)
    expect(after.received!.value! - (before.received!.value ?? 0)).toBe(1)
    for (const id of ['dossier_digitization_rate', 'result_digitization_rate', 'on_time_rate']) {
      expect({ id, numerator: plusOne(id, 'numerator'), denominator: plusOne(id, 'denominator') }).toEqual({ id, numerator: 1, denominator: 1 })
    }
    await page.goto(server.url + dashboardPath(TODAY_COMMUNE, today, today))
    const card = page.locator('[data-indicator="dossier_digitization_rate"]')
    await card.getByTestId('value-dossier_digitization_rate').waitFor()
    expect(await card.getByTestId('value-dossier_digitization_rate').textContent()).toBe(formatPercent(after.dossier_digitization_rate!.value))
  })

  it('does not open a Quang Trung dossier for a Tân Kỳ officer', async () => {
    // A district specialist may list Quang Trung's dossiers; the Tân Kỳ officer may not open one.
    const district = await browser.newContext()
    const login = await district.request.post(`${server.url}/api/v1/auth/login`, { data: { username: 'tuky.chuyenvien', password: DEMO_PASSWORD } })
    expect(login.ok()).toBe(true)
    const list = (await (await district.request.get(`${server.url}/api/v1/dossiers?unit=H23.07.17&queue=all&page_size=1`)).json()) as { items: { code: string }[] }
    const foreign = list.items[0]!.code
    await district.close()

    await page.goto(`${server.url}/mot-cua/ho-so/${encodeURIComponent(foreign)}`)
    await page.getByTestId('dossier-error').waitFor()
    expect(await page.getByText('Không tìm thấy hồ sơ').count()).toBe(1)
    const direct = await page.evaluate(async (url) => (await fetch(url)).status, `/api/v1/dossiers/${encodeURIComponent(foreign)}`)
    expect([403, 404]).toContain(direct)
  })

  it('prints the supplement request with the reason the officer wrote', async () => {
    await page.goto(`${server.url}/mot-cua/tiep-nhan`)
    await page.locator('#procedure-search').fill('chung thuc ban sao')
    await page.locator('.ant-select-item-option').filter({ hasText: /^Thủ tục chứng thực bản sao từ bản chính/ }).first().click()
    await page.getByLabel('Họ và tên').fill('Trần Văn Bình')
    await page.getByRole('button', { name: 'Tiếp nhận và cấp giấy hẹn' }).click()
    await page.waitForURL(/\/mot-cua\/ho-so\/H31\.07\.2-/)
    const second = (await page.getByTestId('dossier-code').textContent())!
    expect(second).not.toBe(code)

    await page.locator('[data-step="request_supplement"]').click()
    const dialog = page.getByRole('dialog')
    await dialog.getByRole('button', { name: 'Ghi nhận' }).click()
    await dialog.getByText('Nhập lý do: quy định yêu cầu ghi rõ').waitFor()
    await dialog.locator('textarea').fill('Bản chính giấy khai sinh bị mờ, đề nghị mang bản chính rõ nét.')
    await dialog.getByRole('button', { name: 'Ghi nhận' }).click()
    await page.locator('[data-event="request_supplement"]').waitFor()
    expect(await page.getByTestId('dossier-status').textContent()).toBe('Chờ bổ sung')

    await page.goto(`${server.url}/mot-cua/ho-so/${encodeURIComponent(second)}/in/yeu-cau-bo-sung`)
    await page.getByTestId('slip-reason').waitFor()
    expect(await page.getByTestId('slip-reason').textContent()).toBe('Bản chính giấy khai sinh bị mờ, đề nghị mang bản chính rõ nét.')
  })

  it('receives a feedback at Tân Kỳ, classifies and handles it, on time', async () => {
    await page.goto(`${server.url}/phan-anh`)
    await page.getByRole('button', { name: 'Tiếp nhận phản ánh' }).click()
    const dialog = page.getByRole('dialog')
    await dialog.getByLabel('Nội dung phản ánh, kiến nghị').fill('Cán bộ hẹn trả kết quả chứng thực nhưng không trả đúng hẹn.')
    await dialog.getByRole('button', { name: 'Tiếp nhận' }).click()
    const row = page.locator('[data-feedback]').filter({ hasText: 'không trả đúng hẹn' }).first()
    await row.waitFor()
    const feedbackCode = (await row.getAttribute('data-feedback'))!
    expect(await row.getByTestId(`deadline-${feedbackCode}`).textContent()).toBe('Đúng hạn')

    await row.getByRole('combobox').click()
    await page.locator('.ant-select-item-option').filter({ hasText: 'Về hành vi của cán bộ, công chức' }).click()
    await page.getByText(`${feedbackCode}: đã phân loại`).waitFor()
    // The row re-renders when the classification lands; a menu opened just then may close, so open it again if needed.
    for (let attempt = 1; ; attempt++) {
      await row.getByRole('button', { name: 'Bước tiếp theo' }).click()
      try {
        await page.getByRole('menuitem', { name: 'Xử lý xong' }).click({ timeout: 5_000 })
        break
      } catch (error) {
        if (attempt === 3) throw error
      }
    }
    await row.getByText('Đã xử lý xong').waitFor()

    // The API says the same.
    const list = (await page.evaluate(async (url) => (await fetch(url)).json(), `/api/v1/feedback?unit=${TODAY_COMMUNE}&page_size=100`)) as { items: { code: string; classification: string | null; handled_at: string | null }[] }
    const stored = list.items.find((i) => i.code === feedbackCode)!
    expect(stored.classification).toBe('official')
    expect(stored.handled_at).not.toBeNull()
  })

  it('the province records a procedure’s publication; a commune officer sees it but cannot change it', async () => {
    const province = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1366, height: 900 } })
    const admin = await province.newPage()
    await admin.goto(`${server.url}/thu-tuc`)
    await logIn(admin, 'quantri')
    const row = admin.locator('[data-procedure="2.000815"]')
    await row.getByRole('button', { name: 'Cập nhật' }).click()
    const dialog = admin.getByRole('dialog')
    await dialog.getByLabel('Số quyết định công bố').fill('999/QĐ-UBND')
    await dialog.getByRole('button', { name: 'Lưu' }).click()
    await admin.getByText('Đã cập nhật công bố, công khai thủ tục 2.000815').waitFor()
    await row.getByText(/^999\/QĐ-UBND/).waitFor()
    await province.close()

    await page.goto(`${server.url}/thu-tuc`)
    await page.locator('[data-procedure="2.000815"]').getByText(/^999\/QĐ-UBND/).waitFor()
    expect(await page.getByRole('button', { name: 'Cập nhật' }).count()).toBe(0)
    const refused = await page.evaluate(
      async (csrf) => (await fetch('/api/v1/procedures/2.000815/publication', { method: 'PUT', headers: { 'content-type': 'application/json', 'x-csrf-token': csrf }, body: JSON.stringify({ decision_number: null, decided_on: null, legal_basis_effective_on: null, made_public_on: null, national_db_updated_on: null, all_parts_published: null, uses_population_data: null, payment_integrated: null }) })).status,
      ((await (await page.request.get(`${server.url}/api/v1/auth/me`)).json()) as { csrf_token: string }).csrf_token,
    )
    expect(refused).toBe(403)
  })

  it('gives a late dossier an apology letter with a new appointment, recorded before it prints', async () => {
    // The browser's print dialog is replaced by a mark the test can see.
    await page.addInitScript('window.print = () => document.body.setAttribute("data-printed", "yes")')
    await page.goto(`${server.url}/mot-cua?unit=${TODAY_COMMUNE}&hang-doi=overdue`)
    const first = page.locator('[data-dossier]').first()
    await first.waitFor()
    const lateCode = (await first.textContent())!
    await page.goto(`${server.url}/mot-cua/ho-so/${encodeURIComponent(lateCode)}/in/xin-loi`)
    await page.getByTestId('printed-form').waitFor()

    const calendar = new WorkingCalendar()
    let day = toVietnamDate(new Date())
    do day = addDays(day, 1)
    while (!calendar.isWorkingDay(day))
    const [y, m, d] = day.split('-').map(Number) as [number, number, number]
    await page.locator('#apology-reason').fill('Chờ ý kiến của Phòng Tư pháp huyện')
    await page.locator('#apology-date').fill(`${d}/${m}/${y}`)
    await page.locator('#apology-date').press('Enter')
    await page.getByRole('button', { name: 'Ghi nhận và in' }).click()
    await page.locator('body[data-printed="yes"]').waitFor()
    expect(await page.getByTestId('printed-form').textContent()).toContain(`hẹn lại thời gian trả kết quả vào ngày ${String(d).padStart(2, '0')} tháng ${m <= 2 ? String(m).padStart(2, '0') : m} năm ${y}`)

    await page.goto(`${server.url}/mot-cua/ho-so/${encodeURIComponent(lateCode)}`)
    expect(await page.getByTestId('apology').textContent()).toBe(`${d}/${m}/${y} — Chờ ý kiến của Phòng Tư pháp huyện`)

    // With the keyboard alone: the slips menu opens from its button and offers the apology letter of this late dossier.
    await page.getByRole('button', { name: 'In giấy tờ' }).focus()
    await page.keyboard.press('Enter')
    await page.getByRole('menuitem', { name: /Phiếu xin lỗi và hẹn lại ngày trả kết quả/ }).waitFor()
  })
})
