import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dashboardPath, hasChromium, logIn, type RunningServer, startDemoConsole, stopDemoConsole } from '../support/web-console.js'

/** Seed 000's criticised communes, who owe a self-criticism report "trước ngày 20/9/2022". */
const CRITICISED_000 = ['Xã Văn Tố', 'Xã Hà Thanh', 'Xã Tân Kỳ', 'Xã Tiên Động', 'Xã Hưng Đạo', 'Xã Ngọc Kỳ', 'Xã Hà Kỳ', 'Xã Minh Đức', 'Xã Quang Phục', 'Xã Chí Minh']
const REPORT_PDF = Buffer.from('%PDF-1.4\nBáo cáo kiểm điểm\n%%EOF\n')

async function typeDate(page: Page, id: string, date: string): Promise<void> {
  await page.locator(`#${id}`).click()
  await page.locator(`#${id}`).fill(date)
  await page.locator(`#${id}`).press('Enter')
}

const selfCriticismRow = (page: Page, unitName: string) => page.locator('tr[data-task]').filter({ hasText: unitName }).filter({ hasText: 'Kiểm điểm' })

describe.skipIf(!hasChromium)('directives and their tasks in a browser', { retry: 1 }, () => {
  let server: RunningServer
  let browser: Browser
  let directiveUrl = ''

  beforeAll(async () => {
    // The demo without the seed letters' directives: seed 000 is recorded here, as the clerk would.
    ;({ server, browser } = await startDemoConsole({ MOTCUA_DEMO_WITHOUT_DIRECTIVES: 'true' }))
  }, 400_000)

  afterAll(async () => {
    await stopDemoConsole({ server, browser })
  })

  it('the district office records seed 000 (1262/UBND-VP) as an outgoing letter with the tasks it proposes: the criticised communes\' reports', async () => {
    const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1440, height: 900 } })
    const page = await context.newPage()
    await page.goto(`${server.url}/chi-dao`)
    await logIn(page, 'tuky.vanphong')
    await page.getByRole('button', { name: 'Ghi văn bản chỉ đạo' }).click()
    await typeDate(page, 'directive-date', '15/9/2022')
    await typeDate(page, 'letter-from', '5/9/2022')
    await typeDate(page, 'letter-to', '9/9/2022')
    await page.getByRole('button', { name: 'Lấy nhiệm vụ đề xuất' }).click()
    await page.getByTestId('proposal-note').waitFor()
    expect(await page.getByTestId('proposal-note').textContent()).toContain('trước ngày 20/9/2022')
    expect(await page.getByTestId('task-fields').count()).toBe(2)
    await page.locator('#directive-number').fill('1262/UBND-VP')
    await page.locator('#directive-issuer').fill('UBND huyện Tứ Kỳ')
    await page.locator('.ant-modal-footer .ant-btn-primary').click()

    await page.waitForURL(/\/chi-dao\/van-ban\/\d+/)
    directiveUrl = page.url()
    await page.getByTestId('directive-title').filter({ hasText: 'Công văn số 1262/UBND-VP ngày 15/9/2022' }).waitFor()
    await selfCriticismRow(page, 'Xã Văn Tố').waitFor()
    // Ten occurrences, one per criticised commune, as the API answers the page's session…
    const id = directiveUrl.split('/').pop()!
    const recorded = (await page.evaluate(async (url) => (await fetch(url)).json(), `/api/v1/directives/${id}`)) as { tasks: { title: string; unit_name: string; due_on: string }[] }
    const reports = recorded.tasks.filter((t) => t.title.startsWith('Kiểm điểm'))
    // Whom the letter criticises, by the letters' one rule over the demo's figures of the week: seed 000's ten
    // (the demo's week may name a commune more).
    const lists = (await page.evaluate(async (url) => (await fetch(url)).json(), '/api/v1/indicators/lists?unit=H23.07&from=2022-09-05&to=2022-09-09&indicator=dossier_digitization_rate&above=88&below=20')) as { criticised: { unitName: string }[] }
    const criticised = lists.criticised.map((u) => u.unitName)
    expect(criticised).toEqual(expect.arrayContaining(CRITICISED_000))
    expect(reports.map((t) => t.unit_name).sort()).toEqual([...criticised].sort())
    // … and each on the page.
    for (const name of criticised) expect(await selfCriticismRow(page, name).count()).toBeGreaterThan(0)
    // Due the last working day before the 20th, Monday 19/9/2022.
    expect(await selfCriticismRow(page, 'Xã Hà Thanh').textContent()).toContain('19/9/2022')
    // The letter is cited by the next letter on the topic.
    const cited = (await page.evaluate(async () => (await fetch('/api/v1/letters/cited-documents?unit=H23.07&topic=digitization&year=2022')).json())) as { number: string; role: string }[]
    expect(cited).toContainEqual(expect.objectContaining({ number: '1262/UBND-VP', role: 'letter' }))
    // The section's search box finds it by its subject typed without diacritics (number and scans' text too).
    await page.goto(`${server.url}/chi-dao`)
    await page.getByRole('textbox', { name: 'Tìm văn bản chỉ đạo theo số, trích yếu hoặc nội dung bản quét' }).fill('tang cuong thuc hien so hoa')
    await page.locator('tr[data-directive="1262/UBND-VP"]').waitFor()
    await context.close()
  })

  it('Văn Tố submits its report, the office accepts it, and a commune that did not report shows on the dashboard as overdue', async () => {
    const commune = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1440, height: 900 } })
    const page = await commune.newPage()
    await page.goto(directiveUrl)
    await logIn(page, 'vanto.lanhdao')
    const mine = selfCriticismRow(page, 'Xã Văn Tố')
    await mine.waitFor()
    // A commune sees its own task only.
    expect(await page.locator('tr[data-task]').count()).toBe(1)
    await mine.getByRole('button', { name: 'Nộp báo cáo' }).click()
    await page.locator('#task-note').fill('Báo cáo kiểm điểm trách nhiệm của công chức Văn phòng - Thống kê')
    await page.locator('.ant-modal input[type=file]').setInputFiles({ name: 'bao-cao-kiem-diem.pdf', mimeType: 'application/pdf', buffer: REPORT_PDF })
    await page.locator('.ant-modal-footer .ant-btn-primary').click()
    await mine.getByTestId('task-state').filter({ hasText: 'Đã nộp, chờ xem xét' }).waitFor()
    await commune.close()

    const office = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1440, height: 900 } })
    const officePage = await office.newPage()
    await officePage.goto(directiveUrl)
    await logIn(officePage, 'tuky.vanphong')
    const submitted = selfCriticismRow(officePage, 'Xã Văn Tố')
    await submitted.getByRole('button', { name: 'Chấp nhận' }).click()
    await submitted.getByTestId('task-state').filter({ hasText: 'Đã chấp nhận' }).waitFor()
    // Submitted today, long after 19/9/2022: accepted, and late.
    expect(await submitted.getByTestId('task-timeliness').textContent()).toBe('Trễ hạn')
    expect(await selfCriticismRow(officePage, 'Xã Chí Minh').getByTestId('task-timeliness').textContent()).toBe('Quá hạn, chưa nộp')

    await officePage.goto(server.url + dashboardPath('H23.07', '2022-09-05', '2022-09-09'))
    const overdue = officePage.getByTestId('overdue-list')
    await overdue.locator('[data-unit="H23.07.03"]').filter({ hasText: 'Xã Chí Minh' }).waitFor()
    expect(await overdue.textContent()).toContain('Công văn số 1262/UBND-VP ngày 15/9/2022')
    expect(await overdue.locator('[data-unit="H23.07.23"]').count()).toBe(0)
    await office.close()
  })
})
