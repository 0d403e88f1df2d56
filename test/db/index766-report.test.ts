import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../../src/db/open-database.js'
import { computeIndex } from '../../src/modules/index766/compute-index.js'
import { generateReport } from '../../src/modules/reports/generate-report.js'
import { DEFAULT_REPORT_TEMPLATES } from '../../src/modules/reports/report-template.js'
import { readDocx } from '../support/docx-text.js'
import { tempDir } from '../support/files.js'
import { loadIndexDistrict } from '../support/index766-district.js'
import { createTestDatabase } from '../support/test-database.js'

/*
 * The monthly report's Decision 766 section for Tứ Kỳ, August 2025 (test/support/index766-district.ts),
 * against a score worked out by hand with the default formula set (Cổng DVC quốc gia 2025–2026):
 *
 *   2.1  on time 4/5 (AT-2 finished two days late)           20 × 4/5           = 16
 *   3.x  full-online procedures only (1.001193): online 1/2 (AT-1; AT-2 at the desk)
 *                                                             12 × 1/2           = 6
 *        (QT-1 and DH-1 are online but 2.000815 is only partly online: not counted)
 *   3.6  paid online 1/3 of the dossiers with a fee           6 × 1/3            = 2
 *   4.2  fully digitized 4/5 = 80 % ≥ 80 %                    full               = 4
 *   4.ct communes with e-certified copies 1/3                 2 × 1/3            = 0,67
 *   5.4  the 5 dossiers of 2.1 less AT-2 (late and dissatisfied: removed once), no feedback:
 *        4/5 = 80 % < 90 %                                   6 × (4/5) / 90 %   = 5,33
 *   2.2  tracked: (0 + 2 + 0 + 0 + 0) working days / 5 finished = 0,4 a dossier — no points
 *   3.5  no procedure's payment integration is known: B "chưa có dữ liệu", so 3.5 is not scored
 *        (C is 1/2: of 2.000815 and 1.001612, the fee procedures, AT-3 paid the first online)
 *   the others have no data in motcua yet: not scored, not counted in the points that could be.
 *
 *   total 16 + 6 + 2 + 4 + 0,67 + 5,33 = 34 of 20 + 12 + 6 + 6 + 6 = 50 → 68/100, "trung bình" (50–70)
 *   what-if, most points first: 3.x to 2/2 adds 12 − 6 = 6 with 1 more online dossier;
 *   2.1 to 5/5 adds 4 with 1 (3.6 also adds 4, but with 2: fewer dossiers come first).
 */

let handle: DatabaseHandle
const dir = tempDir()
const august = { unitCode: 'H23.07', from: '2025-08-01', to: '2025-08-31', date: '2025-09-10', today: '2025-09-10' }

beforeAll(async () => {
  handle = await createTestDatabase()
  await loadIndexDistrict(handle)
})
afterAll(async () => {
  await handle?.close()
})

async function monthlyParagraphs(templatePath?: string): Promise<string[]> {
  const report = await generateReport(handle.db, { kind: 'monthly', ...august, ...(templatePath ? { templatePath } : {}) }, { actor: 'test' })
  return (await readDocx(report.bytes)).paragraphs
}

// After section VI on the tasks ordered (the default monthly template).
const HEADING = 'VII. CHỈ SỐ PHỤC VỤ NGƯỜI DÂN, DOANH NGHIỆP (QUYẾT ĐỊNH SỐ 766/QĐ-TTg)'

describe('the Decision 766 section of the monthly report', () => {
  it('gives the total out of what could be scored, the band, each group, what has no data and the two best options', async () => {
    const paragraphs = await monthlyParagraphs()
    const start = paragraphs.indexOf(HEADING)
    expect(start).toBeGreaterThan(paragraphs.indexOf('V. CHỨNG THỰC BẢN SAO ĐIỆN TỬ'))
    // First, always: the score is motcua's own estimate, not the official one.
    expect(paragraphs[start + 1]).toContain('Điểm tự đánh giá / ước tính từ dữ liệu motcua theo bộ công thức Cổng DVC quốc gia 2025–2026 (tái dựng)')
    expect(paragraphs[start + 1]).toContain('không phải kết quả chính thức')
    const section = paragraphs.slice(start + 2, start + 15)
    expect(section[0]).toBe(
      'Theo số liệu trên phần mềm một cửa điện tử, Chỉ số phục vụ người dân, doanh nghiệp trong thực hiện thủ tục hành chính, dịch vụ công tháng 8/2025 ' +
        'của huyện Tứ Kỳ đạt 34/50 điểm có thể chấm (tối đa 100 điểm), quy về thang điểm 100 đạt 68 điểm, xếp loại trung bình.',
    )
    expect(section[1]).toMatch(/^Các chỉ số chưa có dữ liệu, chưa chấm điểm: Công bố, công khai TTHC đúng hạn \(1\.1\), .*Hồ sơ đồng bộ lên Cổng DVC quốc gia \(1\.4\), .* và Hài lòng về xử lý phản ánh, kiến nghị \(5\.3\)\.$/)
    expect(section.slice(2)).toEqual([
      'Điểm từng nhóm chỉ số:',
      '- Công khai, minh bạch: chưa có dữ liệu (tối đa 18 điểm).',
      '- Tiến độ, kết quả giải quyết: 16/20 điểm (tối đa 20 điểm).',
      '- Cung cấp dịch vụ trực tuyến: 6/12 điểm (tối đa 12 điểm).',
      '- Thanh toán trực tuyến: 2/6 điểm (tối đa 10 điểm).',
      '- Số hóa hồ sơ: 4,67/6 điểm (tối đa 22 điểm).',
      '- Mức độ hài lòng: 5,33/6 điểm (tối đa 18 điểm).',
      'Các chỉ số có thể tăng điểm nhiều nhất:',
      '- Hồ sơ trực tuyến toàn trình (3.x): tăng thêm 6 điểm nếu có thêm 1 hồ sơ trực tuyến (đạt 2/2).',
      '- Hồ sơ giải quyết trước hạn, đúng hạn (2.1): tăng thêm 4 điểm nếu có thêm 1 hồ sơ đúng hạn (đạt 5/5).',
      '(Có phụ lục chi tiết kèm theo)',
    ])
    // The set applies in 2025: no warning.
    expect(paragraphs.join('\n')).not.toContain('ngoài thời gian hiệu lực')
  })

  it('rests on the figures worked out above: 5.4 4/5, 2.2 an average of 0,4 working days, 3.5 without B', async () => {
    const report = await computeIndex(handle.db, { unitCode: 'H23.07', period: '2025-08' })
    const byId = Object.fromEntries(report.score.indicators.map((i) => [i.id, i]))
    expect(byId['5.4']).toMatchObject({ numerator: 4, denominator: 5, points: 5.33 })
    expect(byId['2.2']).toMatchObject({ status: 'tracked', numerator: 2, denominator: 5, average: 0.4 })
    // The district answers for 2.000815 (2 000 đ) and 1.001612 (100 000 đ); AT-3 paid online for the first.
    expect(byId['3.5']).toMatchObject({ status: 'no_data', parts: { b: null, c: { numerator: 1, denominator: 2 } } })
  })

  it('a month of 2022 is scored with the set of Decision 766 as first in force: online services and payment one group of 22, labelled an estimate', async () => {
    const report = await generateReport(handle.db, { kind: 'monthly', unitCode: 'H23.07', from: '2022-09-01', to: '2022-09-30', date: '2022-10-10', today: '2022-10-10' }, { actor: 'test' })
    const paragraphs = (await readDocx(report.bytes)).paragraphs
    const start = paragraphs.indexOf(HEADING)
    expect(paragraphs[start + 1]).toContain('tự đánh giá / ước tính từ dữ liệu motcua theo bộ công thức Quyết định 766/QĐ-TTg 2022–2024 (tái dựng) (hiệu lực từ ngày 23/6/2022 đến ngày 31/12/2024)')
    expect(paragraphs.find((p) => p.startsWith('- Cung cấp dịch vụ trực tuyến:'))).toMatch(/\(tối đa 22 điểm\)\.$/)
    expect(paragraphs.join('\n')).not.toContain('Thanh toán trực tuyến:')
  })

  it('a period no formula set covers is not scored: the section says why instead of giving a number', async () => {
    const before = await generateReport(handle.db, { kind: 'monthly', unitCode: 'H23.07', from: '2022-05-15', to: '2022-06-14', date: '2022-06-20', today: '2022-06-20' }, { actor: 'test' })
    const paragraphs = (await readDocx(before.bytes)).paragraphs
    const start = paragraphs.indexOf(HEADING)
    expect(paragraphs[start + 1]).toMatch(/^Chưa tính được Chỉ số phục vụ người dân, doanh nghiệp .* của huyện Tứ Kỳ: kỳ báo cáo bắt đầu trước ngày Bộ chỉ số có hiệu lực \(23\/6\/2022\)/)
    expect(paragraphs.join('\n')).not.toMatch(/điểm có thể chấm|Điểm từng nhóm/)
    const straddling = await generateReport(handle.db, { kind: 'monthly', unitCode: 'H23.07', from: '2024-12-15', to: '2025-01-14', date: '2025-01-20', today: '2025-01-20' }, { actor: 'test' })
    expect((await readDocx(straddling.bytes)).paragraphs.join('\n')).toContain('kỳ báo cáo thuộc hai bộ công thức')
  })

  it('is switched off by the template ("show": false), and the weekly summary has none', async () => {
    const template = JSON.parse(readFileSync(DEFAULT_REPORT_TEMPLATES.monthly, 'utf8')) as { index766: { show: boolean } }
    template.index766.show = false
    const path = join(dir, 'thang-khong-766.json')
    writeFileSync(path, JSON.stringify(template))
    const paragraphs = await monthlyParagraphs(path)
    expect(paragraphs).toContain('V. CHỨNG THỰC BẢN SAO ĐIỆN TỬ')
    expect(paragraphs.join('\n')).not.toMatch(/766|Chỉ số phục vụ người dân/)

    const weekly = await generateReport(handle.db, { kind: 'weekly', unitCode: 'H23.07', from: '2025-08-04', to: '2025-08-10', date: '2025-08-11' }, { actor: 'test' })
    expect((await readDocx(weekly.bytes)).paragraphs.join('\n')).not.toContain('766')
  })

  it('a template whose section names a placeholder that does not exist is refused with where it is', async () => {
    const template = JSON.parse(readFileSync(DEFAULT_REPORT_TEMPLATES.monthly, 'utf8')) as { index766: { group_line: string } }
    template.index766.group_line = '- {nhom}: {points} điểm'
    const path = join(dir, 'thang-sai.json')
    writeFileSync(path, JSON.stringify(template))
    await expect(monthlyParagraphs(path)).rejects.toMatchObject({ code: 'validation', userMessage: expect.stringContaining('index766.group_line: không có chỗ điền {nhom}') })
  })
})
