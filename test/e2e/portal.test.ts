import { existsSync, readFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase } from '../../src/db/open-database.js'
import { migrateToLatest } from '../../src/db/migrate.js'
import { toVietnamDate } from '../../src/domain/time/vietnam-time.js'
import { createUser } from '../../src/modules/accounts/create-user.js'
import { receiveDossier } from '../../src/modules/desk/receive-dossier.js'
import { tempDir } from '../support/files.js'
import { loadPortalDistrict, onePagePdf } from '../support/portal-citizen.js'
import { startCli, waitForStderr } from '../support/run-cli.js'
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink.js'
import { confirmPopover, hasChromium, launchChromium, logIn } from '../support/web-console.js'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const PASSWORD = 'Mat-Khau-Can-Bo-2026'
const PHONE = '0912888999'
const EMAIL = 'hoang.an@example.vn'

interface Figure { numerator?: number; denominator?: number; value: number | null }
type Figures = Record<string, Figure>

async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

/** What the SMS gateway would have sent to a phone: the spool the outbox worker writes. */
function smsTo(spool: string, phone: string): string[] {
  if (!existsSync(spool)) return []
  return readFileSync(spool, 'utf8').split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as { to: string; text: string }).filter((m) => m.to === phone).map((m) => m.text)
}

async function eventually<T>(read: () => T, ok: (value: T) => boolean, what: string, timeoutMs = 30_000): Promise<T> {
  const until = Date.now() + timeoutMs
  for (;;) {
    const value = read()
    if (ok(value)) return value
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`)
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
}

describe.skipIf(!hasChromium)('a citizen on the portal, and the commune that answers', { retry: 1 }, () => {
  const dataDir = join(tempDir(), 'data')
  const spool = join(dataDir, 'sms-spool.jsonl')
  const today = toVietnamDate(new Date())
  let server: ReturnType<typeof startCli>
  let url: string
  let sink: SmtpSink
  let browser: Browser
  let citizen: BrowserContext
  let desk: BrowserContext
  let officer: Page
  let forgotten: string

  beforeAll(async () => {
    await promisify(execFile)(process.execPath, ['scripts/ensure-web-build.mjs'], { cwd: ROOT })
    // An Thanh with birth registration online (a fee payable online) and its officer, made in code before the server starts.
    const handle = await openDatabase({ dataDir })
    await migrateToLatest(handle.db)
    await loadPortalDistrict(handle)
    await createUser(handle.db, { username: 'anthanh.motcua', displayName: 'Cán bộ một cửa An Thanh', password: PASSWORD, unitCode: 'H23.07.01', role: 'officer' }, 'test')
    // A paper dossier received weeks ago and never moved since: stuck, and the desk must say so.
    const anThanh = await handle.db.selectFrom('units').select(['id', 'code']).where('code', '=', 'H23.07.01').executeTakeFirstOrThrow()
    forgotten = (await receiveDossier(handle.db, {
      unit: anThanh, procedureCode: '1.001193', applicant: { name: 'Đỗ Văn Lâm', idNumber: null, phone: null, address: null }, channel: 'direct',
      receivedComponents: [1, 2], receivedAt: new Date('2026-10-01T09:00:00+07:00'), actor: 'user:anthanh.motcua',
    })).code
    await handle.close()
    sink = await startSmtpSink()
    const port = await freePort()
    url = `http://127.0.0.1:${port}`
    server = startCli(['serve', '--port', String(port), '--data', dataDir, '--no-demo'], {
      MOTCUA_PAYMENT_SANDBOX: 'true', MOTCUA_SMTP_URL: sink.url, MOTCUA_OUTBOX_SECONDS: '1', MOTCUA_PUBLIC_BASE_URL: url,
    })
    await waitForStderr(server, /đang chạy tại/, 120_000)
    browser = await launchChromium()
    citizen = await browser.newContext({ locale: 'vi-VN', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })
    desk = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1366, height: 900 } })
    officer = await desk.newPage()
  }, 600_000)

  afterAll(async () => {
    await citizen?.close()
    await desk?.close()
    await browser?.close()
    if (server) {
      server.kill('SIGTERM')
      await server.done
    }
    await sink?.close()
  })

  it('finds birth registration, submits it with uploads, pays in the sandbox, supplements it when asked, is told of each step, tracks it and rates it — and the commune’s online and payment rates move by exactly that dossier', async () => {
    await officer.goto(url)
    await logIn(officer, 'anthanh.motcua', PASSWORD)
    await officer.waitForURL(/\/mot-cua/)
    const figures = async () => (await officer.evaluate(async (u) => (await fetch(u)).json(), `/api/v1/indicators?unit=H23.07.01&from=${today}&to=${today}`)) as { rows: { indicators: Figures }[] }
    const before = (await figures()).rows[0]!.indicators

    // Found typed without diacritics, on a phone.
    const page = await citizen.newPage()
    await page.goto(`${url}/cong-dich-vu/`)
    await page.getByLabel('Tên hoặc mã thủ tục (gõ không dấu được)').fill('dang ky khai sinh')
    await page.getByRole('link', { name: 'Thủ tục đăng ký khai sinh' }).click()
    await page.waitForURL(/\/cong-dich-vu\/thu-tuc\/1\.001193/)

    // The phone proved with the code the SMS brought.
    await page.getByLabel('Số điện thoại di động').fill(PHONE)
    await page.getByRole('button', { name: 'Gửi mã xác thực' }).click()
    const [otpSms] = await eventually(() => smsTo(spool, PHONE), (m) => m.length > 0, 'the one-time code by SMS')
    await page.getByLabel('Mã xác thực (6 chữ số) đã gửi qua SMS').fill(/([0-9]{6})/.exec(otpSms!)![1]!)
    await page.getByRole('button', { name: 'Xác thực' }).click()

    await page.getByLabel('Họ và tên người nộp').fill('Hoàng Văn An')
    await page.getByLabel('Thư điện tử (không bắt buộc, để nhận thông báo)').fill(EMAIL)
    await page.locator('#component-1').setInputFiles({ name: 'to-khai.pdf', mimeType: 'application/pdf', buffer: await onePagePdf('To khai dang ky khai sinh') })
    await page.locator('#component-2').setInputFiles({ name: 'giay-chung-sinh.pdf', mimeType: 'application/pdf', buffer: await onePagePdf('Giay chung sinh') })
    await page.getByRole('button', { name: 'Nộp hồ sơ' }).click()
    const code = (await page.getByTestId('dossier-code').textContent())!
    expect(code).toMatch(/^H23\.07\.01-\d{6}-\d{3}$/)

    // Paid in the gateway sandbox, back on the portal.
    await page.getByRole('link', { name: /Theo dõi hồ sơ/ }).click()
    await page.getByRole('button', { name: 'Thanh toán trực tuyến 8.000 đồng' }).click()
    await page.waitForURL(/\/sandbox-payment\/pay/)
    await page.getByRole('button', { name: 'Thanh toán' }).click()
    await page.waitForURL(/\/cong-dich-vu\/thanh-toan/)
    await page.getByRole('heading', { name: 'Thanh toán thành công' }).waitFor()

    // The commune officer finds it in the desk queue, online, and handles it to the end; the stuck paper dossier is flagged with its holder.
    await officer.goto(`${url}/mot-cua`)
    await officer.getByText(code).first().waitFor()
    const stuck = officer.getByTestId('stuck-dossiers')
    await stuck.getByText(forgotten).waitFor()
    expect(await stuck.textContent()).toContain('anthanh.motcua')
    expect(await stuck.textContent()).not.toContain(code)
    await officer.goto(`${url}/mot-cua/ho-so/${encodeURIComponent(code)}`)
    expect(await officer.getByTestId('dossier-status').textContent()).toBe('Đã tiếp nhận')

    // A supplement asked for with its reason, which the citizen reads and answers from the tracking page.
    await officer.locator('[data-step="request_supplement"]').click()
    const dialog = officer.getByRole('dialog')
    await dialog.locator('textarea').fill('Giấy chứng sinh chụp mờ, đề nghị tải lên bản rõ nét.')
    await dialog.getByRole('button', { name: 'Ghi nhận' }).click()
    await officer.locator('[data-event="request_supplement"]').waitFor()
    await page.goto(`${url}/tra-cuu/${encodeURIComponent(code)}`)
    await page.getByText('Lý do: Giấy chứng sinh chụp mờ, đề nghị tải lên bản rõ nét.').waitFor()
    await page.getByLabel('2. Giấy chứng sinh — PDF, PNG hoặc JPEG').setInputFiles({ name: 'giay-chung-sinh-ro.pdf', mimeType: 'application/pdf', buffer: await onePagePdf('Giay chung sinh - ban ro') })
    await page.getByRole('button', { name: 'Gửi bổ sung' }).click()
    await page.getByText('Đã gửi hồ sơ bổ sung; hồ sơ tiếp tục được giải quyết.').waitFor()
    await officer.reload()
    await officer.locator('[data-event="supplement_received"]').waitFor()

    // Handed over to the commune's processing, a specialist to be assigned later; then the result.
    await officer.locator('[data-step="hand_over"]').click()
    const handOver = officer.getByRole('dialog')
    await handOver.locator('[data-unit-only]').click()
    await handOver.getByTestId('hand-over-confirm').click()
    await officer.locator('[data-event="hand_over"]').waitFor()
    await officer.locator('[data-step="finish"]').click()
    await officer.locator('[data-event="finish"]').waitFor()
    await officer.locator('[data-step="return"]:not([disabled])').click()
    await confirmPopover(officer)
    await officer.locator('[data-event="return"]').waitFor({ timeout: 60_000 })

    // Told at each step, by SMS and by e-mail.
    const told = await eventually(() => smsTo(spool, PHONE).slice(1), (m) => m.length >= 7, 'seven notices by SMS')
    expect(told.every((m) => m.includes(code) && m.includes(`${url}/tra-cuu/${code}`))).toBe(true)
    expect(told.join('\n')).toMatch(/đã được tiếp nhận[\s\S]*8\.000 đồng[\s\S]*cần bổ sung. Lý do: Giấy chứng sinh chụp mờ[\s\S]*Công dân đã bổ sung hồ sơ[\s\S]*Chuyển xử lý[\s\S]*đã có kết quả[\s\S]*Đã trả kết quả/)
    const mails = await eventually(() => sink.received.filter((m) => m.to.includes(EMAIL)), (m) => m.length >= 7, 'seven notices by e-mail')
    expect(mails.map((m) => m.subject)).toContain(`Hồ sơ ${code}: Đã trả kết quả`)

    // Tracked at the slip's address, and rated.
    await page.goto(`${url}/tra-cuu/${encodeURIComponent(code)}`)
    await page.getByTestId('status').filter({ hasText: 'Đã trả kết quả' }).waitFor()
    expect(await page.getByText('đã thanh toán trực tuyến').count()).toBe(1)
    await page.getByRole('button', { name: 'Rất hài lòng' }).click()
    await page.getByText('Cảm ơn ông/bà đã đánh giá.').waitFor()

    const after = (await figures()).rows[0]!.indicators
    const change = (id: string) => ({ id, numerator: (after[id]!.numerator ?? 0) - (before[id]!.numerator ?? 0), denominator: (after[id]!.denominator ?? 0) - (before[id]!.denominator ?? 0) })
    expect(change('online_rate')).toEqual({ id: 'online_rate', numerator: 1, denominator: 1 })
    expect(change('online_payment_rate')).toEqual({ id: 'online_payment_rate', numerator: 1, denominator: 1 })
    expect(change('satisfaction_rate')).toEqual({ id: 'satisfaction_rate', numerator: 1, denominator: 1 })
  })
})
