import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { formatCount, formatPercent } from '../../src/domain/format/vietnamese-numbers.js'
import { dashboardPath, hasChromium, logIn, type RunningServer, startDemoConsole, signedInPage, stopDemoConsole } from '../support/web-console.js'

const FROM = '2022-09-05'
const TO = '2022-09-09'

interface RateFigure {
  numerator: number
  denominator: number
  value: number | null
}

describe.skipIf(!hasChromium)('the leaders’ dashboard in a browser', { retry: 1 }, () => {
  let server: RunningServer
  let browser: Browser

  beforeAll(async () => {
    ;({ server, browser } = await startDemoConsole())
  }, 400_000)

  afterAll(async () => {
    await stopDemoConsole({ server, browser })
  })

  it('shows Tứ Kỳ’s digitization for 05/9/2022–09/9/2022 as the API computes it, and goes down to a commune and back', async () => {
    const page = await signedInPage({ server, browser }, dashboardPath('H23.07', FROM, TO), 'tuky.vanphong')

    const card = page.locator('[data-indicator="dossier_digitization_rate"]')
    await card.locator('[data-testid="value-dossier_digitization_rate"]').waitFor()
    expect(await page.getByTestId('dashboard-title').textContent()).toBe('Huyện Tứ Kỳ')

    // The same figure through the API, with the page's own session.
    const api = await page.evaluate(async (url) => (await fetch(url)).json(), `/api/v1/indicators?unit=H23.07&from=${FROM}&to=${TO}`)
    const figure = (api as { rows: { indicators: { dossier_digitization_rate: RateFigure } }[] }).rows[0]!.indicators.dossier_digitization_rate
    expect(figure.denominator).toBeGreaterThan(0)
    expect(await card.getByTestId('value-dossier_digitization_rate').textContent()).toBe(formatPercent(figure.value))
    const cardText = (await card.textContent()) ?? ''
    expect(cardText).toContain(`${formatCount(figure.numerator)} / ${formatCount(figure.denominator)} hồ sơ`)
    expect(cardText).toMatch(/[▲▼] [\d,]+ điểm % so với kỳ trước/)

    // The reports of the same unit and period download with the page's session.
    const letterLink = page.getByTestId('report-downloads').getByRole('link', { name: /Dự thảo công văn/ })
    const download = await page.request.get(server.url + ((await letterLink.getAttribute('href')) ?? ''))
    expect(download.status()).toBe(200)
    expect(download.headers()['content-type']).toContain('wordprocessingml')
    // Five days are a week: the weekly summary is offered, a "monthly report" is not.
    expect(await page.getByTestId('report-downloads').getByRole('link', { name: /Tổng hợp tuần/ }).count()).toBe(1)
    expect(await page.getByTestId('report-downloads').getByRole('link', { name: /Báo cáo tháng/ }).count()).toBe(0)

    // The chart and the lists arrive too.
    await page.locator('section[aria-label="Biểu đồ xu hướng"] canvas').waitFor()
    await page.getByTestId('list-above').waitFor()

    // Down to a commune by clicking its row, and back up by the breadcrumb.
    await page.locator('button[data-unit="H23.07.01"]').click()
    await page.getByTestId('dashboard-title').filter({ hasText: 'Xã An Thanh' }).waitFor()
    expect(page.url()).toContain('unit=H23.07.01')
    await page.locator('nav').getByRole('link', { name: 'Huyện Tứ Kỳ' }).click()
    await page.getByTestId('dashboard-title').filter({ hasText: 'Huyện Tứ Kỳ' }).waitFor()

    // The dossiers behind a number, in a drawer.
    await card.getByTestId('value-dossier_digitization_rate').click()
    const drawer = page.locator('.ant-drawer-section')
    await drawer.getByText(`${formatCount(figure.numerator)} hồ sơ`, { exact: false }).first().waitFor()
    expect(await drawer.locator('tbody tr.ant-table-row').count()).toBeGreaterThan(0)
    await page.context().close()
  })

  it('tells an An Thanh officer that Quang Trung (H23.07.17) is not found', async () => {
    const context = await browser.newContext({ locale: 'vi-VN' })
    const page = await context.newPage()
    await page.goto(server.url + dashboardPath('H23.07.17', FROM, TO))
    await logIn(page, 'anthanh.motcua')
    const message = page.getByTestId('dashboard-error')
    await message.waitFor()
    expect(await message.textContent()).toBe('Không có đơn vị với mã H23.07.17 trong phạm vi bạn được xem')
    expect(await page.locator('[data-indicator]').count()).toBe(0)
    await context.close()
  })

  it('shows Tứ Kỳ’s Decision 766 score for 2023-Q3 as the API computes it, with its communes ranked', async () => {
    const page = await signedInPage({ server, browser }, '/chi-so-766?unit=H23.07&ky=2023-Q3', 'tuky.lanhdao')
    const total = page.getByTestId('index-total')
    await total.waitFor()
    const api = (await page.evaluate(async (url) => (await fetch(url)).json(), '/api/v1/index766?unit=H23.07&period=2023-Q3')) as {
      report: { score: { total: { points: number } } }
      children: { unit_code: string; rank: number }[]
    }
    expect(Number(await total.getAttribute('data-points'))).toBe(api.report.score.total.points)
    expect(await page.getByTestId('index-title').textContent()).toContain('Quý III/2023')
    expect(api.children.length).toBe(23)
    // The best-ranked commune opens its own score.
    const best = api.children.find((c) => c.rank === 1)!
    await page.locator(`button[data-unit="${best.unit_code}"]`).click()
    await page.waitForURL(new RegExp(`unit=${best.unit_code.replace(/\./g, '\\.')}`))
    await page.context().close()
  })

  it('shows the API’s Vietnamese message for a wrong password', async () => {
    const context = await browser.newContext({ locale: 'vi-VN' })
    const page = await context.newPage()
    await page.goto(server.url)
    await logIn(page, 'tuky.vanphong', 'sai-mat-khau-123')
    const alert = page.getByRole('alert')
    await alert.waitFor()
    expect(await alert.textContent()).toMatch(/mật khẩu/i)
    await context.close()
  })
})
