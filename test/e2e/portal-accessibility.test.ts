import axe from 'axe-core'
import type { FastifyInstance } from 'fastify'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../../src/db/open-database.js'
import { FileStore } from '../../src/modules/desk/file-store.js'
import { DEMO_FORMS } from '../../src/modules/demo/demo-procedure-forms.js'
import { attachProcedureForm } from '../../src/modules/procedures/forms/attach-procedure-form.js'
import { blankFormDocx } from '../../src/modules/procedures/forms/blank-form-docx.js'
import { startApiServer, stopApiServer } from '../support/api-server.js'
import { tempDir } from '../support/files.js'
import { base64, BIRTH_REGISTRATION, loadPortalDistrict, onePagePdf, portalSessionFor } from '../support/portal-citizen.js'
import { signIn } from '../support/sign-in.js'
import { ensureWebBuild, hasChromium, launchChromium } from '../support/web-console.js'

/*
 * The portal measured with axe-core at 390 px, every rule tagged WCAG 2 A and AA (contrast,
 * labels, names of buttons and links, the page's language, landmarks' headings…): the catalogue
 * search, a procedure with its forms, the submission form, tracking, and rating.
 */
const PHONE = '0933444555'
const WCAG = ['wcag2a', 'wcag2aa']
/** Rules every page is measured by. */
const BASE = ['html-has-lang', 'html-lang-valid', 'color-contrast', 'document-title'] as const

interface Violation { id: string; help: string; nodes: { target: unknown[]; failureSummary?: string }[] }

describe.skipIf(!hasChromium)('the portal’s accessibility, measured by axe-core', () => {
  let handle: DatabaseHandle
  let app: FastifyInstance
  let url: string
  let browser: Browser
  let visitor: BrowserContext
  let citizen: BrowserContext
  let code: string

  beforeAll(async () => {
    ensureWebBuild()
    const filesDir = tempDir()
    ;({ handle, app } = await startApiServer({ filesDir, portal: { secret: 'bí-mật-đo-khả-năng-tiếp-cận' } }))
    await loadPortalDistrict(handle)
    const birth = DEMO_FORMS.find((f) => f.procedureCode === BIRTH_REGISTRATION)!
    await attachProcedureForm(handle.db, new FileStore(filesDir), { procedureCode: BIRTH_REGISTRATION, code: birth.code, name: birth.name, fileName: birth.fileName, bytes: await blankFormDocx(birth) }, { actor: 'test' })
    // A dossier submitted online and handed back: its applicant may rate it.
    const token = await portalSessionFor(app, handle, PHONE)
    const pdf = await onePagePdf('To khai')
    const submitted = await app.inject({
      method: 'POST', url: '/api/v1/public/dossiers', headers: { 'x-portal-session': token },
      payload: { procedure_code: BIRTH_REGISTRATION, unit: 'H23.07.01', applicant: { name: 'Trần Thu Hà' }, components: [1, 2].map((position) => ({ position, file_name: `tp${position}.pdf`, content_base64: base64(pdf) })) },
    })
    code = submitted.json().code
    const officer = await signIn(app, handle, 'officer', 'H23.07.01')
    for (const type of ['hand_over', 'finish', 'return']) {
      await officer.inject({ method: 'POST', url: `/api/v1/dossiers/${code}/events`, payload: { type, ...(type === 'return' ? { confirm_unpaid_fee: true } : {}) } })
    }
    url = await app.listen({ port: 0, host: '127.0.0.1' })
    browser = await launchChromium()
    const phone = { locale: 'vi-VN', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }
    visitor = await browser.newContext(phone)
    citizen = await browser.newContext(phone)
    // The citizen's tab holds the portal session a verified phone gets.
    const session = { token, expires_at: new Date(Date.now() + 3600_000).toISOString(), phone: PHONE }
    await citizen.addInitScript((saved) => sessionStorage.setItem('cong-dich-vu.session', saved), JSON.stringify(session))
  }, 600_000)

  afterAll(async () => {
    await visitor?.close()
    await citizen?.close()
    await browser?.close()
    if (app) await stopApiServer({ handle, app })
  })

  /**
   * Every WCAG 2 A/AA violation axe finds on the page as it stands, named by rule and element;
   * and the rules named in `checked` must have run on something (passed), so an empty answer
   * is a measure and not a page axe could not see.
   */
  async function violationsOf(page: Page, checked: readonly string[] = ['html-has-lang', 'color-contrast', 'document-title']): Promise<string[]> {
    // Evaluated through the DevTools protocol: the portal's CSP (script-src 'self') rightly refuses an inline script tag.
    await page.evaluate(axe.source)
    const found = await page.evaluate(async (tags) => {
      const result = await (globalThis as unknown as { axe: { run: (options: object) => Promise<{ violations: Violation[]; passes: { id: string }[] }> } }).axe.run({ runOnly: { type: 'tag', values: tags } })
      return { violations: result.violations, passed: result.passes.map((rule) => rule.id) }
    }, WCAG)
    expect(found.passed).toEqual(expect.arrayContaining([...checked]))
    return found.violations.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.help}): ${JSON.stringify(n.target)} — ${n.failureSummary ?? ''}`))
  }

  it('is a measure: on a page with an unlabelled field, a nameless button and pale text, it finds each', async () => {
    const page = await visitor.newPage()
    await page.goto(`${url}/cong-dich-vu/`)
    await page.setContent('<!doctype html><html lang="vi"><head><title>Thử</title></head><body><main><input type="text"><button></button><p style="color:#bbb;background:#fff">Chữ nhạt</p></main></body></html>')
    const found = await violationsOf(page, ['html-has-lang'])
    expect(found.map((v) => v.slice(0, v.indexOf(' ')))).toEqual(expect.arrayContaining(['label', 'button-name', 'color-contrast']))
  })

  it('finds nothing on the catalogue search with its results', async () => {
    const page = await visitor.newPage()
    await page.goto(`${url}/cong-dich-vu/?q=dang%20ky%20khai%20sinh`)
    await page.getByRole('link', { name: 'Thủ tục đăng ký khai sinh' }).waitFor()
    expect(await violationsOf(page, [...BASE, 'label', 'link-name', 'button-name'])).toEqual([])
  })

  it('finds nothing on a procedure’s page with its forms to download and the phone check', async () => {
    const page = await visitor.newPage()
    await page.goto(`${url}/cong-dich-vu/thu-tuc/${BIRTH_REGISTRATION}`)
    await page.getByRole('link', { name: 'Tải Tờ khai đăng ký khai sinh' }).waitFor()
    await page.getByLabel('Số điện thoại di động').waitFor()
    expect(await violationsOf(page, [...BASE, 'label', 'link-name', 'button-name'])).toEqual([])
  })

  it('finds nothing on the submission form', async () => {
    const page = await citizen.newPage()
    await page.goto(`${url}/cong-dich-vu/thu-tuc/${BIRTH_REGISTRATION}`)
    await page.getByRole('heading', { name: 'Nộp hồ sơ trực tuyến' }).waitFor()
    expect(await violationsOf(page, [...BASE, 'label', 'select-name', 'button-name'])).toEqual([])
  })

  it('finds nothing on the tracking page, before and after the phone is typed', async () => {
    const page = await visitor.newPage()
    await page.goto(`${url}/tra-cuu/${encodeURIComponent(code)}`)
    await page.getByLabel('Số điện thoại đã khai khi nộp hồ sơ').waitFor()
    expect(await violationsOf(page)).toEqual([])
    await page.getByLabel('Số điện thoại đã khai khi nộp hồ sơ').fill(PHONE)
    await page.getByRole('button', { name: 'Xem tình trạng' }).click()
    await page.getByTestId('status').waitFor()
    expect(await violationsOf(page)).toEqual([])
  })

  it('finds nothing on the rating of a dossier handed back', async () => {
    const page = await citizen.newPage()
    await page.goto(`${url}/tra-cuu/${encodeURIComponent(code)}`)
    await page.getByRole('group', { name: 'Đánh giá mức độ hài lòng' }).waitFor()
    expect(await violationsOf(page, [...BASE, 'label', 'button-name'])).toEqual([])
  })
})
