import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../../src/db/open-database.js'
import { monthlyReportDue } from '../../src/domain/reports/monthly-due-date.js'
import { WorkingCalendar } from '../../src/domain/calendar/working-calendar.js'
import { toVietnamDate } from '../../src/domain/time/vietnam-time.js'
import { importDossiers } from '../../src/modules/dossiers/import/import-dossiers.js'
import { getIndicatorTable } from '../../src/modules/indicators/indicator-table.js'
import { saveTarget } from '../../src/modules/indicators/targets.repository.js'
import { setSigner } from '../../src/modules/letters/set-signer.js'
import { importProcedures } from '../../src/modules/procedures/import-procedures.js'
import { convertToPdf, findLibreOffice, NO_LIBREOFFICE } from '../../src/modules/reports/convert-to-pdf.js'
import { generateReport } from '../../src/modules/reports/generate-report.js'
import { DEFAULT_LETTER_TEMPLATE } from '../../src/modules/reports/letter-template.js'
import { importUnits } from '../../src/modules/units/import-units.js'
import { startApiServer, stopApiServer } from '../support/api-server.js'
import { mm, paragraphXml, readDocx, textOf } from '../support/docx-text.js'
import { DOSSIER_HEADER, PROCEDURES_CSV, tempDir, UNITS_CSV, writeCsv } from '../support/files.js'
import { runCli } from '../support/run-cli.js'
import {
  buildLetterDossiers,
  COMMUNES,
  communeCode,
  DISTRICT_CODE,
  dossiersCsvLines,
  proceduresCsvLines,
  unitsCsvLines,
  WEEK,
  WEEK_DIGITIZATION,
  WEEK_ECERT_STOPPED,
  WEEK_NO_ECERT,
} from '../support/seed-letter-data.js'
import { signIn, type SignedIn } from '../support/sign-in.js'
import { useProcessDatabase } from '../support/test-database.js'

/*
 * The reports of issue 6 written from the data set that reproduces seed 000's figures
 * (test/support/seed-letter-data.ts), then read back — the DOCX unzipped, its text and layout
 * checked; the XLSX opened with exceljs — and compared with the letter of 15/9/2022.
 */

const strict = { skipInvalid: false, ignoreUnknown: false }
const dir = tempDir()
const week = { from: WEEK.from, to: WEEK.to }
const LETTER_DATE = '2022-09-15'
const vi = new Intl.Collator('vi')
const libreOffice = await findLibreOffice()
const pdftoppm = spawnSync('pdftoppm', ['-v']).error === undefined

let handle: DatabaseHandle
let app: FastifyInstance
let monitor: SignedIn
let anThanhOfficer: SignedIn

beforeAll(async () => {
  ;({ handle, app } = await startApiServer())
  await importUnits(handle, writeCsv(dir, 'units.csv', unitsCsvLines()), strict)
  await importProcedures(handle, writeCsv(dir, 'procedures.csv', proceduresCsvLines()), strict)
  await importDossiers(handle, writeCsv(dir, 'dossiers.csv', dossiersCsvLines(buildLetterDossiers())), strict)
  // Seed 001: "chỉ tiêu UBND tỉnh giao năm 2022 (cấp huyện 40%, cấp xã là 25%)".
  await saveTarget(handle.db, { indicator: 'dossier_digitization_rate', year: 2022, unitKind: 'district', unitCode: null, scope: 'own', minimum: 40, decidedBy: 'UBND tỉnh' })
  await saveTarget(handle.db, { indicator: 'dossier_digitization_rate', year: 2022, unitKind: 'commune', unitCode: null, scope: 'subtree', minimum: 25, decidedBy: 'UBND tỉnh' })
  // Seeds 000 and 002: the chair and a vice-chair of Tứ Kỳ sign.
  await setSigner(handle.db, { unitCode: DISTRICT_CODE, position: 'chair', name: 'Vũ Thị Hà' }, 'test')
  await setSigner(handle.db, { unitCode: DISTRICT_CODE, position: 'vice_chair', name: 'Đào Văn Soái' }, 'test')
  monitor = await signIn(app, handle, 'monitor', DISTRICT_CODE)
  anThanhOfficer = await signIn(app, handle, 'officer', communeCode('An Thanh'))
})
afterAll(async () => {
  await stopApiServer({ handle, app })
})

const letterRequest = { kind: 'letter' as const, unitCode: DISTRICT_CODE, ...week, date: LETTER_DATE }

async function letter(extra: Partial<Parameters<typeof generateReport>[1]> = {}) {
  return generateReport(handle.db, { ...letterRequest, ...extra }, { actor: 'test' })
}

function twipsOf(section: string, attribute: string): number {
  const match = new RegExp(`w:${attribute}="(\\d+)"`).exec(section)
  if (!match) throw new Error(`no ${attribute} in ${section}`)
  return Number(match[1])
}

/** The body text of a letter: every paragraph, joined by new lines, for searching. */
function textOfDocument(paragraphs: readonly string[]): string {
  return paragraphs.join('\n')
}

describe('the directive letter drafted from seed 000’s figures', () => {
  it('states the trend 3,95% → 35,44% → 58,59%, the praise and criticism lists in the letter’s order, the communes with no e-certified copy and the deadline', async () => {
    const report = await letter()
    expect(report.filename).toBe('du-thao-cong-van_H23.07_2022-09-05_2022-09-09.docx')
    const { paragraphs } = await readDocx(report.bytes)
    const text = textOfDocument(paragraphs)
    expect(text).toContain(
      'Tỷ lệ số hóa hồ sơ, kết quả giải quyết TTHC toàn huyện đã tăng từ 3,95% (tháng 7) lên 35,44% (tháng 8) và đạt 58,59% (từ ngày 05/9-09/9/2022).',
    )
    expect(text).toContain(
      'Trong đó, nhiều xã có tỷ lệ đạt cao như: An Thanh, Quang Trung và Quang Khải (100%), Dân Chủ (97,2%), Phượng Kỳ (95,8%), Quảng Nghiệp (93,9%), Nguyên Giáp (92%), Đại Hợp (88%),…; ' +
        'bên cạnh đó, vẫn còn một số xã tỷ lệ đạt rất thấp hoặc không thực hiện, như: Hà Thanh và Tân Kỳ (0%), Văn Tố (3,3%), Tiên Động (4,5%), Hưng Đạo (17,6%), Ngọc Kỳ (20%),….',
    )
    // The letter writes "Hà Kỳ, Minh Đức, Quang Phục, Chí Minh": no figure orders them, so motcua
    // lists them alphabetically (Vietnamese collation) and joins the last with "và".
    expect(text).toContain('Về chứng thực bản sao điện tử, số lượng hồ sơ của các xã, thị trấn thực hiện đã tăng lên. Tuy nhiên, vẫn còn một số xã chưa thực hiện như: Chí Minh, Hà Kỳ, Minh Đức và Quang Phục.')
    expect(text).toContain('1. Biểu dương Chủ tịch UBND các xã: An Thanh, Quang Trung, Quang Khải, Dân Chủ, Phượng Kỳ, Quảng Nghiệp, Nguyên Giáp và Đại Hợp (là những xã')
    expect(text).toContain('Nghiêm túc phê bình trách nhiệm của Chủ tịch UBND các xã: Hà Thanh, Tân Kỳ, Văn Tố, Tiên Động, Hưng Đạo, Ngọc Kỳ, Chí Minh, Hà Kỳ, Minh Đức và Quang Phục trong công tác')
    // Thursday 15/9/2022 + 3 working days = Tuesday 20/9/2022, the letter's own deadline.
    expect(text).toContain('kiểm điểm làm rõ trách nhiệm của các công chức có liên quan, trước ngày 20/9/2022, báo cáo Chủ tịch UBND huyện')
    expect(text).toContain('phấn đấu toàn huyện đạt và vượt chỉ tiêu UBND tỉnh giao năm 2022.')
    expect(paragraphs).toContain('Yêu cầu nghiêm túc triển khai thực hiện./.')
  })

  it('names exactly seed 000’s ten criticised communes and four non-starters; the praised Quảng Nghiệp, which stopped e-certifying, is praised and nothing else', async () => {
    const { paragraphs } = await readDocx((await letter()).bytes)
    const text = textOfDocument(paragraphs)
    const namesAfter = (pattern: RegExp) => {
      const match = pattern.exec(text)
      if (!match) throw new Error(`no ${pattern}`)
      return match[1]!.split(/, | và /)
    }
    const sorted = (names: readonly string[]) => [...names].sort(vi.compare)
    const seedCriticised = ['Văn Tố', 'Hà Thanh', 'Tân Kỳ', 'Tiên Động', 'Hưng Đạo', 'Ngọc Kỳ', 'Hà Kỳ', 'Minh Đức', 'Quang Phục', 'Chí Minh']
    const criticised = namesAfter(/Nghiêm túc phê bình trách nhiệm của Chủ tịch UBND các xã: (.+?) trong công tác/)
    const selfCriticism = namesAfter(/Giao Chủ tịch UBND các xã: (.+?) kiểm điểm/)
    const praised = namesAfter(/1\. Biểu dương Chủ tịch UBND các xã: (.+?) \(là những xã/)
    const notStarted = namesAfter(/vẫn còn một số xã chưa thực hiện như: (.+?)\./)
    expect(sorted(criticised)).toEqual(sorted(seedCriticised))
    expect(selfCriticism).toEqual(criticised)
    expect(sorted(notStarted)).toEqual(sorted(WEEK_NO_ECERT))
    expect(praised).toContain('Quảng Nghiệp')
    for (const name of praised) expect(criticised).not.toContain(name)
    // The same lists found from the rows alone: ≤ 20 % in the week, or no e-certified copy ever up to 9/9.
    const rows = buildLetterDossiers()
    const ofCommune = (short: string) => rows.filter((r) => r.unitCode === communeCode(short))
    const inWeek = (short: string) => ofCommune(short).filter((r) => r.receivedAt.slice(0, 10) >= week.from && r.receivedAt.slice(0, 10) <= week.to && r.componentsTotal > 0)
    const never = COMMUNES.map((c) => c.short).filter((short) => ofCommune(short).every((r) => r.receivedAt.slice(0, 10) > week.to || r.ecertCopies === 0))
    const low = COMMUNES.map((c) => c.short).filter((short) => {
      const measured = inWeek(short)
      return measured.length > 0 && (measured.filter((r) => r.componentsDigitized === r.componentsTotal).length / measured.length) * 100 <= 20
    })
    expect(sorted(never)).toEqual(sorted(notStarted))
    expect(sorted(criticised)).toEqual(sorted([...new Set([...low, ...never])]))
    // The communes that stopped e-certifying are named nowhere as not having started.
    for (const name of WEEK_ECERT_STOPPED) expect(notStarted).not.toContain(name)
    for (const name of WEEK_ECERT_STOPPED.filter((n) => !low.includes(n))) expect(criticised).not.toContain(name)
  })

  it('the figures in the lists are the fractions of the data, one decimal, not the two-decimal figures rounded again', async () => {
    const { paragraphs } = await readDocx((await letter()).bytes)
    const [tienDong, hungDao] = [WEEK_DIGITIZATION['Tiên Động']!, WEEK_DIGITIZATION['Hưng Đạo']!]
    expect(tienDong).toEqual([1, 22]) // 4,545…% → 4,5%, where 4,55% would give 4,6%
    expect(hungDao).toEqual([3, 17]) // 17,647…% → 17,6%, where 17,65% would give 17,7%
    const text = textOfDocument(paragraphs)
    expect(text).toContain('Tiên Động (4,5%)')
    expect(text).toContain('Hưng Đạo (17,6%)')
    expect(text).not.toMatch(/4,6%|17,7%/)
  })

  it('is laid out as Decree 30/2020/NĐ-CP says: A4, margins 20–25 mm top and bottom, 30–35 mm left, 15–20 mm right, Times New Roman 13–14', async () => {
    const { xml, styles, sections, headers } = await readDocx((await letter()).bytes)
    expect(sections).toHaveLength(1)
    const [section] = sections as [string]
    expect(twipsOf(section, 'w')).toBe(11906) // 210 mm
    expect(twipsOf(section, 'h')).toBe(16838) // 297 mm
    for (const [side, low, high] of [['top', 20, 25], ['bottom', 20, 25], ['left', 30, 35], ['right', 15, 20]] as const) {
      const value = mm(twipsOf(section.slice(section.indexOf('<w:pgMar')), side))
      expect(value, side).toBeGreaterThanOrEqual(low - 0.05)
      expect(value, side).toBeLessThanOrEqual(high + 0.05)
    }
    expect(styles).toContain('w:ascii="Times New Roman"')
    const fonts = new Set([...xml.matchAll(/<w:rFonts w:ascii="([^"]+)"/g)].map((m) => m[1]))
    expect([...fonts]).toEqual(['Times New Roman'])
    // The body at 14 (28 half-points), justified, first line indented.
    const body = paragraphXml(xml, 'Yêu cầu nghiêm túc triển khai thực hiện./.')
    expect(body).toContain('<w:sz w:val="28"/>')
    expect(body).toContain('<w:jc w:val="both"/>')
    expect(body).toMatch(/w:firstLine="\d+"/)
    // Page numbers from the second page: a different first page, a PAGE field in the default header.
    expect(section).toContain('<w:titlePg/>')
    expect(headers.some((h) => h.includes('PAGE'))).toBe(true)
  })

  it('has the two-column header: the issuing authority with the number and "V/v" on the left, the national title, motto, place and date on the right', async () => {
    const { xml } = await readDocx((await letter()).bytes)
    const table = /<w:tbl>[\s\S]*?<\/w:tbl>/.exec(xml)![0]
    const rows = [...table.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map((r) => [...r[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) => [...c[0].matchAll(/<w:p(?:\s[^>]*)?>[\s\S]*?<\/w:p>/g)].map((p) => textOf(p[0])).filter((t) => t !== '')))
    expect(rows).toEqual([
      [
        ['ỦY BAN NHÂN DÂN', 'HUYỆN TỨ KỲ'],
        ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'],
      ],
      [['Số: \u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0/UBND-VP', 'V/v tăng cường thực hiện số hóa', 'hồ sơ, kết quả giải quyết TTHC', 'và chứng thực bản sao điện tử'], ['Tứ Kỳ, ngày 15 tháng 9 năm 2022']],
    ])
    expect(paragraphXml(xml, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')).toContain('<w:b/>')
    expect(paragraphXml(xml, 'Tứ Kỳ, ngày 15 tháng 9 năm 2022')).toContain('<w:i/>')
    // A rule under the motto and one under the authority: empty paragraphs with a bottom border.
    expect([...table.matchAll(/<w:pBdr><w:bottom w:val="single"/g)]).toHaveLength(2)
  })

  it('names the recipients, then "Nơi nhận:" beside the signature block: TM. ỦY BAN NHÂN DÂN, CHỦ TỊCH and her name from the unit’s signers', async () => {
    const { paragraphs, xml } = await readDocx((await letter()).bytes)
    expect(paragraphs).toContain('Kính gửi: Chủ tịch UBND các xã, thị trấn.')
    const end = paragraphs.slice(paragraphs.indexOf('Nơi nhận:')).filter((p) => p !== '')
    expect(end).toEqual([
      'Nơi nhận:',
      '- Như trên;',
      '- Thường trực Huyện ủy;',
      '- Thường trực HĐND huyện;',
      '- Chủ tịch, các PCT UBND huyện;',
      '- Phòng Tư pháp huyện;',
      '- Văn phòng HĐND&UBND huyện;',
      '- Đảng ủy các xã, thị trấn;',
      '- Cổng TTĐT huyện;',
      '- Lưu: VT.',
      'TM. ỦY BAN NHÂN DÂN',
      'CHỦ TỊCH',
      'Vũ Thị Hà',
    ])
    const copies = paragraphXml(xml, 'Nơi nhận:')
    expect(copies).toContain('<w:b/>')
    expect(copies).toContain('<w:i/>')
  })

  it('takes its thresholds, wording, recipients and signer from a template file given instead of the default', async () => {
    const template = JSON.parse(readFileSync(DEFAULT_LETTER_TEMPLATE, 'utf8'))
    template.thresholds = { praise_at_least: 95, criticize_at_most: 5 }
    template.recipients = ['Thủ trưởng các cơ quan chuyên môn thuộc UBND huyện;', 'Chủ tịch UBND các xã, thị trấn.']
    template.signer = { authority: ['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'], name: 'Đào Văn Soái' }
    template.header.number = '1262'
    template.deadline = { working_days_after_letter: 5 }
    const path = join(dir, 'my-letter.json')
    writeFileSync(path, JSON.stringify(template))
    const { paragraphs } = await readDocx((await letter({ templatePath: path })).bytes)
    const text = textOfDocument(paragraphs)
    expect(text).toContain('nhiều xã có tỷ lệ đạt cao như: An Thanh, Quang Trung và Quang Khải (100%), Dân Chủ (97,2%), Phượng Kỳ (95,8%),…;')
    expect(text).toContain('không thực hiện, như: Hà Thanh và Tân Kỳ (0%), Văn Tố (3,3%), Tiên Động (4,5%),….')
    expect(paragraphs).toContain('Số: 1262/UBND-VP')
    expect(paragraphs).toEqual(expect.arrayContaining(['Kính gửi:', '- Thủ trưởng các cơ quan chuyên môn thuộc UBND huyện;', '- Chủ tịch UBND các xã, thị trấn.']))
    expect(text).toContain('trước ngày 22/9/2022')
    expect(paragraphs.filter((p) => p !== '').slice(-3)).toEqual(['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH', 'Đào Văn Soái'])
  })

  it('a praised commune that never e-certified is named in the e-certification sentence only, never criticised: praise from 40 % praises the four at 43,75%', async () => {
    const template = JSON.parse(readFileSync(DEFAULT_LETTER_TEMPLATE, 'utf8'))
    template.thresholds = { praise_at_least: 40, criticize_at_most: 20 }
    const path = join(dir, 'praise-from-40.json')
    writeFileSync(path, JSON.stringify(template))
    const text = textOfDocument((await readDocx((await letter({ templatePath: path })).bytes)).paragraphs)
    const namesAfter = (pattern: RegExp) => pattern.exec(text)![1]!.split(/, | và /)
    const praised = namesAfter(/1\. Biểu dương Chủ tịch UBND các xã: (.+?) \(là những xã/)
    const criticised = namesAfter(/Nghiêm túc phê bình trách nhiệm của Chủ tịch UBND các xã: (.+?) trong công tác/)
    const notStarted = namesAfter(/vẫn còn một số xã chưa thực hiện như: (.+?)\./)
    expect(praised).toEqual(expect.arrayContaining([...WEEK_NO_ECERT]))
    expect([...notStarted].sort(vi.compare)).toEqual([...WEEK_NO_ECERT].sort(vi.compare))
    expect([...criticised].sort(vi.compare)).toEqual(['Hà Thanh', 'Tân Kỳ', 'Văn Tố', 'Tiên Động', 'Hưng Đạo', 'Ngọc Kỳ'].sort(vi.compare))
    expect(text).toMatch(/Giao Chủ tịch UBND các xã: Hà Thanh, Tân Kỳ, Văn Tố, Tiên Động, Hưng Đạo và Ngọc Kỳ kiểm điểm/)
  })

  it('writes each list with the decimals its template asks for: two in the criticism list (seed 002’s 19,44%), one in the praise list', async () => {
    const template = JSON.parse(readFileSync(DEFAULT_LETTER_TEMPLATE, 'utf8'))
    template.list_decimals = { praise: 1, criticism: 2 }
    const path = join(dir, 'two-decimals.json')
    writeFileSync(path, JSON.stringify(template))
    const text = textOfDocument((await readDocx((await letter({ templatePath: path })).bytes)).paragraphs)
    expect(text).toContain('Dân Chủ (97,2%), Phượng Kỳ (95,8%), Quảng Nghiệp (93,9%), Nguyên Giáp (92%), Đại Hợp (88%)')
    expect(text).toContain('Hà Thanh và Tân Kỳ (0%), Văn Tố (3,33%), Tiên Động (4,55%), Hưng Đạo (17,65%), Ngọc Kỳ (20%)')
    template.list_decimals = { praise: 5, criticism: 1 }
    writeFileSync(path, JSON.stringify(template))
    await expect(letter({ templatePath: path })).rejects.toMatchObject({ userMessage: expect.stringMatching(/list_decimals\.praise/) })
  })

  it('drops a sentence whose list is empty instead of writing an empty list: a commune has no units below it to praise or criticise', async () => {
    const { paragraphs } = await readDocx((await letter({ unitCode: communeCode('An Thanh') })).bytes)
    const text = textOfDocument(paragraphs)
    expect(text).toContain('toàn huyện đã tăng từ 2,53% (tháng 7) lên 55% (tháng 8) và đạt 100% (từ ngày 05/9-09/9/2022).')
    expect(text).not.toMatch(/Trong đó|Biểu dương|phê bình|Giao Chủ tịch|chưa thực hiện như/)
    expect(paragraphs).toContain('XÃ AN THANH')
  })

  it('compares with the periods asked for instead of the template’s months', async () => {
    const text = textOfDocument((await readDocx((await letter({ trend: '2022-08-01..2022-08-31' })).bytes)).paragraphs)
    expect(text).toContain('toàn huyện đã tăng từ 35,44% (tháng 8) lên 58,59% (từ ngày 05/9-09/9/2022).')
  })

  it('refuses a template with a misspelt placeholder or a missing field, saying where, in Vietnamese', async () => {
    const template = JSON.parse(readFileSync(DEFAULT_LETTER_TEMPLATE, 'utf8'))
    template.body = ['trước ngày {dealine}']
    writeFileSync(join(dir, 'typo.json'), JSON.stringify(template))
    await expect(letter({ templatePath: join(dir, 'typo.json') })).rejects.toMatchObject({ userMessage: expect.stringContaining('body[0]: không có chỗ điền {dealine}') })
    delete template.thresholds
    writeFileSync(join(dir, 'missing.json'), JSON.stringify(template))
    await expect(letter({ templatePath: join(dir, 'missing.json') })).rejects.toMatchObject({ userMessage: expect.stringMatching(/không hợp lệ: thresholds/) })
    await expect(letter({ templatePath: join(dir, 'nowhere.json') })).rejects.toMatchObject({ code: 'not_found' })
  })
})

describe('the appendix workbook', () => {
  async function workbook(): Promise<ExcelJS.Workbook> {
    const report = await generateReport(handle.db, { kind: 'appendix', unitCode: DISTRICT_CODE, ...week }, { actor: 'test' })
    expect(report).toMatchObject({ extension: 'xlsx', filename: 'phu-luc-chi-so_H23.07_2022-09-05_2022-09-09.xlsx' })
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(report.bytes as unknown as ArrayBuffer)
    return book
  }

  it('has one sheet per indicator group, a frozen header and unit names, and the total, the district’s own one-stop shop and every commune', async () => {
    const book = await workbook()
    // A group too wide for a landscape page goes on to a second sheet of the same name: "Số hóa (2)".
    expect(book.worksheets.map((s) => s.name.replace(/ \(\d+\)$/, ''))).toEqual(expect.arrayContaining(['Tiến độ giải quyết', 'Trực tuyến', 'Số hóa', 'Hài lòng', 'Ghi chú']))
    expect(book.worksheets.map((s) => s.name).filter((n) => !/ \(\d+\)$/.test(n))).toEqual(['Tiến độ giải quyết', 'Trực tuyến', 'Số hóa', 'Hài lòng', 'Ghi chú'])
    const sheet = book.getWorksheet('Số hóa')!
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', xSplit: 3, ySplit: 4 })
    expect(sheet.getCell('D3').value).toBe('Tỷ lệ số hóa đầy đủ thành phần hồ sơ')
    expect([4, 5, 6, 7, 8, 9, 10, 11, 12].map((c) => sheet.getRow(4).getCell(c).value)).toEqual([
      'Tử số', 'Mẫu số', 'Tỷ lệ', 'Chỉ tiêu', 'Đánh giá', 'Còn thiếu (hồ sơ)', 'Kỳ trước', 'Thay đổi (điểm %)', 'Xếp hạng (/23)',
    ])
    expect(sheet.getCell('D3').font).toMatchObject({ bold: true })
    const names = Array.from({ length: 25 }, (_, i) => sheet.getRow(5 + i).getCell(3).value)
    expect(names.slice(0, 3)).toEqual(['Toàn huyện (Huyện Tứ Kỳ)', 'Bộ phận Một cửa cấp huyện', 'Xã An Thanh'])
    expect(sheet.getRow(30).getCell(3).value).toBeNull()
  })

  it('writes every figure of the indicator table: numerator, denominator, rate as a percent-formatted fraction, target, met or not, gap, previous, change and rank', async () => {
    const sheet = (await workbook()).getWorksheet('Số hóa')!
    const table = await getIndicatorTable(handle.db, { unitCode: DISTRICT_CODE, ...week, children: true })
    const rowByCode = new Map<string, ExcelJS.Row>()
    for (let r = 7; r <= 29; r++) rowByCode.set(String(sheet.getRow(r).getCell(2).value), sheet.getRow(r))
    const total = sheet.getRow(5)
    expect([4, 5, 6].map((c) => total.getCell(c).value)).toEqual([290, 495, 0.5859])
    expect(total.getCell(6).numFmt).toBe('0.00%')
    expect(total.getCell(6).font).toMatchObject({ bold: true })
    const own = sheet.getRow(6)
    expect([4, 5, 6, 7, 8].map((c) => own.getCell(c).value)).toEqual([30, 40, 0.75, 0.4, 'Đạt'])
    for (const row of table.rows.slice(2)) {
      const figure = row.indicators.dossier_digitization_rate!
      const cells = rowByCode.get(row.unit_code)!
      expect([4, 5, 6, 7, 8, 9, 10, 11, 12].map((c) => cells.getCell(c).value ?? null), row.unit_name).toEqual([
        figure.numerator,
        figure.denominator,
        Math.round(figure.value! * 100) / 10000,
        0.25,
        figure.target!.status === 'meets' ? 'Đạt' : 'Chưa đạt',
        figure.target!.status === 'misses' ? figure.target!.gap : null,
        figure.previous === null ? 'không phát sinh' : Math.round(figure.previous * 100) / 10000,
        figure.change,
        figure.rank,
      ])
    }
    // Hà Thanh: 0 of 20, five more to reach 25 %, ranked 22nd with Tân Kỳ.
    expect([4, 5, 6, 8, 9, 12].map((c) => rowByCode.get(communeCode('Hà Thanh'))!.getCell(c).value)).toEqual([0, 20, 0, 'Chưa đạt', 5, 22])
    expect(rowByCode.get(communeCode('Hà Thanh'))!.getCell(8).fill).toMatchObject({ fgColor: { argb: 'FFFCE4D6' } })
    expect(rowByCode.get(communeCode('An Thanh'))!.getCell(11).numFmt).toBe('+0.00;-0.00;0.00')
  })

  it('counts e-certification to date beside the week: 19 communes have started by 9/9, 16 issued copies in the week', async () => {
    // The digitization group is split over "Số hóa", "Số hóa (2)"… to print readably: each column is found
    // in its own sheet; every sheet has the same rows (the totals on row 5, the communes from row 7).
    const book = await workbook()
    const columnOf = (label: string) => {
      for (const sheet of book.worksheets.filter((ws) => ws.name.startsWith('Số hóa'))) {
        for (let c = 1; c <= sheet.columnCount; c++) if (sheet.getRow(3).getCell(c).value === label) return { sheet, column: c }
      }
      throw new Error(`no column ${label}`)
    }
    const toDate = columnOf('Số đơn vị cấp xã đã thực hiện chứng thực điện tử (lũy kế)')
    const inWeek = columnOf('Số đơn vị cấp xã đã thực hiện chứng thực điện tử')
    const cell = (at: { sheet: ExcelJS.Worksheet; column: number }, row: number) => at.sheet.getRow(row).getCell(at.column).value
    expect(cell(toDate, 5)).toBe(19)
    expect(cell(inWeek, 5)).toBe(16)
    const rowOf = (at: { sheet: ExcelJS.Worksheet }, code: string) => Array.from({ length: 23 }, (_, i) => 7 + i).find((row) => at.sheet.getRow(row).getCell(2).value === code)!
    const quangNghiep = communeCode('Quảng Nghiệp')
    expect([cell(inWeek, rowOf(inWeek, quangNghiep)), cell(toDate, rowOf(toDate, quangNghiep))]).toEqual([0, 1])
  })

  it('a rate with nothing to measure says "không phát sinh", not 0 %', async () => {
    const sheet = (await workbook()).getWorksheet('Hài lòng')!
    expect(sheet.getRow(5).getCell(6).value).toBe('không phát sinh')
    expect(sheet.getRow(5).getCell(5).value).toBe(0)
  })
})

describe('the weekly summary and the monthly report', () => {
  it('the weekly summary gives the week’s figures, the trend, the units above and below target, late dossiers, e-certified copies and a landscape appendix', async () => {
    const report = await generateReport(handle.db, { kind: 'weekly', unitCode: DISTRICT_CODE, ...week, date: '2022-09-12' }, { actor: 'test' })
    expect(report.due).toBeNull()
    const { paragraphs, sections } = await readDocx(report.bytes)
    const text = textOfDocument(paragraphs)
    expect(paragraphs.slice(0, 4)).toEqual(['UBND HUYỆN TỨ KỲ', 'VĂN PHÒNG HĐND VÀ UBND', '', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'])
    expect(text).toContain('- Tỷ lệ số hóa đầy đủ thành phần hồ sơ: 58,59% (290/495)')
    expect(text).toContain('trong đó Bộ phận Một cửa cấp huyện 75%, Bộ phận Một cửa cấp xã 57,14%')
    expect(text).toContain('II. XU HƯỚNG CÁC TUẦN GẦN ĐÂY')
    // The week is labelled as it is: Monday 5 to Friday 9, not to Sunday 11.
    expect(text).toMatch(/Tỷ lệ số hóa đầy đủ thành phần hồ sơ toàn huyện .* và đạt 58,59% \(tuần 05\/9–09\/9\/2022\)\./)
    expect(text).not.toContain('11/9')
    expect(text).toContain('- Tỷ lệ số hóa đầy đủ thành phần hồ sơ (chỉ tiêu tối thiểu 25%, UBND tỉnh):')
    expect(text).toContain('+ Chưa đạt chỉ tiêu (6/23): Hà Thanh (0%, còn thiếu 5 hồ sơ), Tân Kỳ (0%, còn thiếu 4 hồ sơ), Văn Tố (3,33%, còn thiếu 7 hồ sơ), Tiên Động (4,55%, còn thiếu 5 hồ sơ), Hưng Đạo (17,65%, còn thiếu 2 hồ sơ), Ngọc Kỳ (20%, còn thiếu 1 hồ sơ).')
    expect(text).toContain('+ Đạt chỉ tiêu (1/1): Bộ phận Một cửa cấp huyện (75%).')
    expect(text).toContain('trong đó 0 hồ sơ trễ hạn')
    // E-certification to date, not "none this week": Quảng Nghiệp, Hưng Đạo and Tái Sơn started before it.
    expect(text).toContain('đến hết ngày 09/9/2022, 19/23 đơn vị cấp xã đã thực hiện chứng thực điện tử (trong kỳ có 16 đơn vị cấp xã cấp bản sao).')
    expect(text).not.toContain('16/23')
    expect(text).toContain('Đơn vị cấp xã chưa thực hiện: Chí Minh, Hà Kỳ, Minh Đức và Quang Phục.')
    expect(text).toContain('- Số đơn vị cấp xã đã thực hiện chứng thực điện tử (lũy kế): 19/23 đơn vị')
    expect(text).toContain('PHỤ LỤC')
    expect(sections).toHaveLength(2)
    expect(sections[1]).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/)
    // The appendix table: a row per commune, the total and the district's own one-stop shop first.
    expect(paragraphs).toEqual(expect.arrayContaining(['Toàn huyện', 'Bộ phận Một cửa cấp huyện', 'Xã Văn Tố']))
    // …and whether each commune has ever e-certified up to 9/9 (cumulative), 19 of the 23 in all.
    const { xml } = await readDocx(report.bytes)
    const tables = [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((t) => t[0])
    const appendix = tables.find((t) => textOf(t).includes('Chứng thực điện tử (lũy kế)'))!
    const cells = (name: string) => {
      const row = [...appendix.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map((r) => r[0]).find((r) => textOf(r).includes(name))!
      return [...row.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) => textOf(c[0]))
    }
    expect(cells('Toàn huyện').at(-1)).toBe('19/23')
    expect(cells('Xã Quảng Nghiệp').at(-1)).toBe('Đã thực hiện')
    expect(cells('Xã Chí Minh').at(-1)).toBe('Chưa thực hiện')
  })

  it('a quiet week after communes certified copies last month never says "0/23": 06/23 have started by 26/8, none issued copies that week', async () => {
    const report = await generateReport(handle.db, { kind: 'weekly', unitCode: DISTRICT_CODE, from: '2022-08-22', to: '2022-08-26', date: '2022-08-29' }, { actor: 'test' })
    const text = textOfDocument((await readDocx(report.bytes)).paragraphs)
    const rows = buildLetterDossiers()
    const started = new Set(rows.filter((r) => r.unitCode !== DISTRICT_CODE && r.ecertCopies > 0 && r.receivedAt.slice(0, 10) <= '2022-08-26').map((r) => r.unitCode))
    expect(rows.some((r) => r.unitCode !== DISTRICT_CODE && r.ecertCopies > 0 && r.receivedAt.slice(0, 10) >= '2022-08-22' && r.receivedAt.slice(0, 10) <= '2022-08-26')).toBe(false)
    expect(started.size).toBe(6)
    expect(text).toContain('đến hết ngày 26/8/2022, 06/23 đơn vị cấp xã đã thực hiện chứng thực điện tử (trong kỳ chưa có đơn vị cấp xã nào cấp bản sao).')
    expect(text).toContain('- Số đơn vị cấp xã đã thực hiện chứng thực điện tử (lũy kế): 06/23 đơn vị')
    expect(text).not.toMatch(/\b0+\/23/)
    const never = /Đơn vị cấp xã chưa thực hiện: (.+?)\./.exec(text)![1]!.split(/, | và /)
    expect(never).toHaveLength(23 - 6)
    for (const code of started) expect(never).not.toContain(COMMUNES.find((c) => c.code === code)!.short)
  })

  it('the monthly report knows it is due before the 25th: data up to 14/9/2022, due Friday 23/9 (the 24th and 25th were a weekend)', async () => {
    const report = await generateReport(handle.db, { kind: 'monthly', unitCode: DISTRICT_CODE, from: '2022-08-15', to: '2022-09-14', date: '2022-09-15', today: '2022-09-20' }, { actor: 'test' })
    expect(report.due).toEqual({ before: '2022-09-25', due_date: '2022-09-23', days_left: 3, status: 'close' })
    const { paragraphs } = await readDocx(report.bytes)
    expect(paragraphs).toContain('Kính gửi: Ủy ban nhân dân tỉnh Hải Dương.')
    expect(paragraphs.join('\n')).toContain('Ủy ban nhân dân huyện Tứ Kỳ báo cáo kết quả tiếp nhận')
    expect(paragraphs).toEqual(expect.arrayContaining(['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH', 'I. KẾT QUẢ TRONG THÁNG']))
    const lines = paragraphs.filter((p) => p !== '')
    const name = lines.indexOf('Đào Văn Soái')
    expect(lines.slice(name - 3, name + 1)).toEqual(['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH', 'Đào Văn Soái'])
  })

  it('signed by the vice-chair instead (--signer vice_chair), the letter carries KT. CHỦ TỊCH, PHÓ CHỦ TỊCH and his name', async () => {
    const { paragraphs } = await readDocx((await letter({ signer: 'vice_chair' })).bytes)
    expect(paragraphs.filter((p) => p !== '').slice(-4)).toEqual(['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH', 'Đào Văn Soái'])
  })

  it('keeps the signature with the last paragraphs: keepNext and keepLines up to it, the signature row never split', async () => {
    const { xml } = await readDocx((await letter()).bytes)
    const signatureAt = xml.lastIndexOf('<w:tbl>', xml.indexOf('Nơi nhận:'))
    const before = [...xml.slice(0, signatureAt).matchAll(/<w:p(?:\s[^>]*)?>[\s\S]*?<\/w:p>/g)].map((m) => m[0])
    const kept = (p: string) => p.includes('<w:keepNext/>') && p.includes('<w:keepLines/>')
    const withText = before.filter((p) => textOf(p) !== '')
    // The last body paragraph and the closing, then the gap: each kept with the next.
    expect(textOf(withText.at(-1)!)).toBe('Yêu cầu nghiêm túc triển khai thực hiện./.')
    expect(withText.slice(-2).every(kept)).toBe(true)
    expect(kept(before.at(-1)!)).toBe(true)
    expect(withText.slice(0, -2).some(kept)).toBe(false)
    expect(xml.slice(signatureAt)).toContain('<w:cantSplit/>')
  })

  it('a month cut at the 14th is "01/9–14/9/2022" in the title and the trend, never "Tháng 9/2022"', async () => {
    const report = await generateReport(handle.db, { kind: 'monthly', unitCode: DISTRICT_CODE, from: '2022-09-01', to: '2022-09-14', date: '2022-09-15', today: '2022-09-15' }, { actor: 'test' })
    const { paragraphs } = await readDocx(report.bytes)
    const text = textOfDocument(paragraphs)
    expect(paragraphs).toContain('(từ ngày 01/9-14/9/2022)')
    expect(paragraphs).toEqual(expect.arrayContaining(['Tháng 7/2022', 'Tháng 8/2022', '01/9–14/9/2022']))
    expect(text).not.toMatch(/[Tt]háng 9\/2022/)
  })
})

describe('PDF through LibreOffice', () => {
  it('without LibreOffice there is the DOCX alone, and a clear message', async () => {
    const path = process.env.PATH
    process.env.PATH = ''
    try {
      const report = await letter({ pdf: true })
      expect(report.pdf).toEqual({ ok: false, reason: NO_LIBREOFFICE })
      expect(report.bytes.subarray(0, 2).toString()).toBe('PK')
    } finally {
      process.env.PATH = path
    }
  })

  it.skipIf(!libreOffice)('with LibreOffice the letter becomes a PDF of A4 pages, and its first page renders', async () => {
    const report = await letter({ pdf: true })
    expect(report.pdf?.ok, report.pdf && !report.pdf.ok ? report.pdf.reason : '').toBe(true)
    const pdf = (report.pdf as { ok: true; pdf: Buffer }).pdf
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
    if (!pdftoppm) return
    const pdfPath = join(dir, 'letter.pdf')
    writeFileSync(pdfPath, pdf)
    const rendered = spawnSync('pdftoppm', ['-r', '40', '-png', '-f', '1', '-l', '1', '-singlefile', pdfPath, join(dir, 'letter-page')])
    expect(rendered.status).toBe(0)
    const png = readFileSync(join(dir, 'letter-page.png'))
    expect(png.subarray(1, 4).toString()).toBe('PNG')
    // A4 at 40 dpi: 331 × 468 pixels.
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([331, 468])
  })

  it.skipIf(!libreOffice)('the weekly summary converts too, appendix and all', async () => {
    const result = await convertToPdf((await generateReport(handle.db, { kind: 'weekly', unitCode: DISTRICT_CODE, ...week }, { actor: 'test' })).bytes, 'docx')
    expect(result.ok).toBe(true)
  })
})

describe('GET /api/v1/reports/{kind}', () => {
  const query = (kind: string, extra = '') => `/api/v1/reports/${kind}?unit=${DISTRICT_CODE}&from=${week.from}&to=${week.to}${extra}`

  it('returns the letter as a DOCX to download, with its file name, and records the export in the audit log', async () => {
    const response = await monitor.inject(query('letter', `&date=${LETTER_DATE}`))
    expect(response.statusCode, response.body).toBe(200)
    expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
    expect(response.headers['content-disposition']).toBe(`attachment; filename="du-thao-cong-van_H23.07_2022-09-05_2022-09-09.docx"; filename*=UTF-8''du-thao-cong-van_H23.07_2022-09-05_2022-09-09.docx`)
    const { paragraphs } = await readDocx(response.rawPayload)
    expect(paragraphs.join('\n')).toContain('An Thanh, Quang Trung và Quang Khải (100%), Dân Chủ (97,2%)')
    const audit = await handle.db.selectFrom('audit_log').selectAll().where('action', '=', 'export.report').orderBy('id', 'desc').executeTakeFirstOrThrow()
    expect(audit).toMatchObject({ actor: `user:${monitor.username}`, entity: 'report', entity_id: 'letter' })
    expect(audit.summary).toMatchObject({ kind: 'letter', unit: DISTRICT_CODE, from: week.from, to: week.to, format: 'docx' })
  })

  it('returns the appendix as XLSX and the weekly summary as DOCX', async () => {
    const appendix = await monitor.inject(query('appendix'))
    expect(appendix.statusCode).toBe(200)
    expect(appendix.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    expect(appendix.headers['content-disposition']).toBe(`attachment; filename="phu-luc-chi-so_H23.07_2022-09-05_2022-09-09.xlsx"; filename*=UTF-8''phu-luc-chi-so_H23.07_2022-09-05_2022-09-09.xlsx`)
    const weekly = await monitor.inject(query('weekly'))
    expect(weekly.headers['content-disposition']).toBe(`attachment; filename="bao-cao-tuan_H23.07_2022-09-05_2022-09-09.docx"; filename*=UTF-8''bao-cao-tuan_H23.07_2022-09-05_2022-09-09.docx`)
  })

  it('the monthly report carries its due date and the days left; the due-date endpoint says the same', async () => {
    const today = toVietnamDate(new Date())
    const expected = monthlyReportDue('2022-09-14', today, new WorkingCalendar())
    const response = await monitor.inject(`/api/v1/reports/monthly?unit=${DISTRICT_CODE}&from=2022-08-15&to=2022-09-14`)
    expect(response.statusCode).toBe(200)
    expect(response.headers['x-report-due-date']).toBe('2022-09-23')
    expect(Number(response.headers['x-report-days-left'])).toBe(expected.days_left)
    const due = await monitor.inject(`/api/v1/reports/monthly/due-date?unit=${DISTRICT_CODE}&from=2022-08-15&to=2022-09-14`)
    expect(due.json()).toEqual(expected)
  })

  it.skipIf(!libreOffice)('format=pdf returns a PDF', async () => {
    const response = await monitor.inject(query('letter', '&format=pdf'))
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toBe('application/pdf')
    expect(response.headers['content-disposition']).toMatch(/filename="du-thao-cong-van_H23\.07_2022-09-05_2022-09-09\.pdf"/)
    expect(response.rawPayload.subarray(0, 5).toString()).toBe('%PDF-')
  })

  it('refuses a caller with no session (401), and answers an An Thanh officer as if Tứ Kỳ did not exist (404)', async () => {
    for (const kind of ['letter', 'appendix', 'weekly', 'monthly']) {
      expect((await app.inject({ method: 'GET', url: query(kind) })).statusCode).toBe(401)
      const response = await anThanhOfficer.inject(query(kind))
      expect(response.statusCode).toBe(404)
      expect(response.json().message).toMatch(/trong phạm vi bạn được xem/)
    }
    expect((await anThanhOfficer.inject(`/api/v1/reports/monthly/due-date?unit=${DISTRICT_CODE}&from=2022-08-15&to=2022-09-14`)).statusCode).toBe(404)
    // Within its own unit the officer gets An Thanh's appendix.
    expect((await anThanhOfficer.inject(`/api/v1/reports/appendix?unit=${communeCode('An Thanh')}&from=${week.from}&to=${week.to}`)).statusCode).toBe(200)
  })

  it('is described in the OpenAPI document at /docs', async () => {
    const spec = await app.inject({ method: 'GET', url: '/docs/json' })
    expect(spec.statusCode).toBe(200)
    expect(Object.keys(spec.json().paths)).toEqual(expect.arrayContaining(['/api/v1/reports/{kind}', '/api/v1/reports/monthly/due-date']))
  })

  it('bad input answers 400 in Vietnamese: an unknown kind, a period the wrong way round', async () => {
    const kind = await monitor.inject(query('yearly'))
    expect(kind.statusCode).toBe(400)
    const period = await monitor.inject(`/api/v1/reports/letter?unit=${DISTRICT_CODE}&from=2022-09-09&to=2022-09-05`)
    expect(period.statusCode).toBe(400)
    expect(period.json().message).toMatch(/Ngày bắt đầu .* sau ngày kết thúc/)
  })

  it('ecert_since moves the start of "has ever e-certified": since 1/8/2022 the praised Quảng Nghiệp (July only) has not started, and is still not criticised', async () => {
    const response = await monitor.inject(query('letter', '&date=2022-09-15&ecert_since=2022-08-01'))
    expect(response.statusCode).toBe(200)
    const text = textOfDocument((await readDocx(response.rawPayload)).paragraphs)
    const notStarted = /vẫn còn một số xã chưa thực hiện như: (.+?)\./.exec(text)![1]!.split(/, | và /)
    expect([...notStarted].sort(vi.compare)).toEqual([...WEEK_NO_ECERT, 'Quảng Nghiệp'].sort(vi.compare))
    expect(/Nghiêm túc phê bình trách nhiệm của Chủ tịch UBND các xã: (.+?) trong công tác/.exec(text)![1]).not.toContain('Quảng Nghiệp')
  })

  it('the five days 05/9–09/9/2022 are a weekly summary, never a "monthly report": 400 in Vietnamese, nothing written or audited', async () => {
    const before = await handle.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).where('action', '=', 'export.report').executeTakeFirstOrThrow()
    const monthly = await monitor.inject(query('monthly'))
    expect(monthly.statusCode).toBe(400)
    expect(monthly.json().message).toMatch(/^Báo cáo tháng không dùng cho kỳ từ 05\/9\/2022 đến 09\/9\/2022 \(5 ngày\).*báo cáo tuần \(weekly\)$/)
    const weekly = await monitor.inject(`/api/v1/reports/weekly?unit=${DISTRICT_CODE}&from=2022-09-01&to=2022-09-14`)
    expect(weekly.statusCode).toBe(400)
    expect(weekly.json().message).toMatch(/báo cáo tháng \(monthly\)$/)
    const after = await handle.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).where('action', '=', 'export.report').executeTakeFirstOrThrow()
    expect(Number(after.n)).toBe(Number(before.n))
  })
})

describe('npm run cli -- report …', () => {
  const processDatabase = useProcessDatabase()
  const dataDir = join(dir, 'cli-data')
  const cli = (args: string[]) => runCli([...args, '--data', dataDir], processDatabase.env())
  const letterOut = join(dir, 'cong-van.docx')
  // Each step starts the command line as a process (a few seconds each, more when the suite runs in parallel).
  const STEP_TIMEOUT = 180_000

  beforeAll(async () => {
    for (const [kind, lines] of [['units', UNITS_CSV], ['procedures', PROCEDURES_CSV]] as const) {
      expect((await cli(['import', kind, writeCsv(dir, `cli-${kind}.csv`, lines)])).code).toBe(0)
    }
    const dossiers = writeCsv(dir, 'cli-dossiers.csv', [
      DOSSIER_HEADER,
      'AT-1,H23.07.01,1.001193,online,2022-09-05T08:00:00+07:00,2022-09-05T17:00:00+07:00,2022-09-05T10:00:00+07:00,,finished,2,2,true,0,false,0,',
      'QT-1,H23.07.02,1.001193,direct,2022-09-06T08:00:00+07:00,2022-09-06T17:00:00+07:00,2022-09-06T10:00:00+07:00,,finished,2,0,false,0,false,1,',
    ])
    expect((await cli(['import', 'dossiers', dossiers])).code).toBe(0)
  }, 3 * STEP_TIMEOUT)

  it('the monthly report prints due_date and days_left with --json, and reminds on stderr when the due date is close', async () => {
    const monthly = await cli(['report', 'monthly', '--unit', 'H23.07', '--from', '2022-08-15', '--to', '2022-09-14', '--out', join(dir, 'thang.docx'), '--today', '2022-09-21', '--json'])
    expect(monthly.code, monthly.stderr).toBe(0)
    expect(JSON.parse(monthly.stdout)).toEqual({ kind: 'monthly', unit: 'H23.07', file: join(dir, 'thang.docx'), pdf_file: null, due_date: '2022-09-23', days_left: 2, due_status: 'close' })
    expect(monthly.stderr).toContain('Nhắc: báo cáo tháng phải gửi trước ngày 25/9/2022 (chậm nhất thứ Sáu, ngày 23/9/2022); còn 2 ngày.')
    expect(existsSync(join(dir, 'thang.docx'))).toBe(true)
  }, STEP_TIMEOUT)

  it('the appendix is an XLSX file', async () => {
    const appendix = await cli(['report', 'appendix', '--unit', 'H23.07', '--from', week.from, '--to', week.to, '--out', join(dir, 'phu-luc.xlsx')])
    expect(appendix.code, appendix.stderr).toBe(0)
    expect(appendix.stderr).toContain(`Đã ghi ${join(dir, 'phu-luc.xlsx')}.`)
    const book = new ExcelJS.Workbook()
    await book.xlsx.readFile(join(dir, 'phu-luc.xlsx'))
    expect(book.getWorksheet('Số hóa')!.getRow(5).getCell(6).value).toBe(0.5)
  }, STEP_TIMEOUT)

  it('the letter is a DOCX, and with --pdf a PDF beside it when LibreOffice is installed (otherwise a message)', async () => {
    const letterRun = await cli(['report', 'letter', '--unit', 'H23.07', '--from', week.from, '--to', week.to, '--out', letterOut, '--date', LETTER_DATE, '--pdf'])
    expect(letterRun.code, letterRun.stderr).toBe(0)
    const { paragraphs } = await readDocx(readFileSync(letterOut))
    expect(paragraphs).toContain('Tứ Kỳ, ngày 15 tháng 9 năm 2022')
    if (libreOffice) {
      expect(readFileSync(join(dir, 'cong-van.pdf')).subarray(0, 5).toString()).toBe('%PDF-')
    } else {
      expect(letterRun.stderr).toContain(NO_LIBREOFFICE)
    }
  }, STEP_TIMEOUT)

  it('a wrong command line exits 2: an unknown kind, the wrong extension, no --out, a template for the appendix', async () => {
    const usage = [
      ['report', 'yearly', '--unit', 'H23.07', '--from', week.from, '--to', week.to, '--out', join(dir, 'x.docx')],
      ['report', 'letter', '--unit', 'H23.07', '--from', week.from, '--to', week.to, '--out', join(dir, 'x.xlsx')],
      ['report', 'letter', '--unit', 'H23.07', '--from', week.from, '--to', week.to],
      ['report', 'appendix', '--unit', 'H23.07', '--from', week.from, '--to', week.to, '--out', join(dir, 'x.xlsx'), '--template', letterOut],
    ]
    for (const args of usage) {
      const result = await cli(args)
      expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(2)
      expect(result.stderr).not.toMatch(/Lỗi không mong đợi/)
    }
  }, STEP_TIMEOUT)

  it('work that cannot be done exits 1 with a message: a folder that does not exist, an unknown unit', async () => {
    const nowhere = await cli(['report', 'weekly', '--unit', 'H23.07', '--from', week.from, '--to', week.to, '--out', join(dir, 'no-such-folder', 'x.docx')])
    expect(nowhere.code).toBe(1)
    expect(nowhere.stderr).toContain('Không ghi được vào thư mục')
    const unknownUnit = await cli(['report', 'weekly', '--unit', 'H99', '--from', week.from, '--to', week.to, '--out', join(dir, 'x.docx')])
    expect(unknownUnit.code).toBe(1)
    expect(unknownUnit.stderr).toContain('Không có đơn vị với mã H99')
  }, STEP_TIMEOUT)
})
