import { join } from 'node:path'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { readDocx } from '../support/docx-text.js'
import { DOSSIER_HEADER, PROCEDURES_CSV, tempDir, UNITS_CSV, writeCsv } from '../support/files.js'
import { runCli } from '../support/run-cli.js'
import { useProcessDatabase } from '../support/test-database.js'

/*
 * Issue 11, items 3 and 5: what a letter cites and who signs it are data. The plans a letter
 * carries out are kept per year and topic; an outgoing letter, once recorded, is cited by the
 * next letter on the topic; the signer's name comes from the unit's signers.
 */

const dir = tempDir()
const dataDir = join(dir, 'data')
const processDatabase = useProcessDatabase()
const cli = (...args: string[]) => runCli([...args, '--data', dataDir], processDatabase.env())

function dossiers(): string[] {
  const lines = [DOSSIER_HEADER]
  for (const [year, month] of [[2022, '09'], [2023, '10']] as const) {
    for (let i = 0; i < 6; i++) lines.push(`D${year}-${i},H23.07.0${1 + (i % 2)},1.001193,online,${year}-${month}-06T08:00:00,,,,received,2,${i % 3 === 0 ? 2 : 0},,0,,${i % 2},`)
  }
  return lines
}

async function letterText(from: string, to: string, date: string): Promise<{ text: string; paragraphs: string[] }> {
  const out = join(dir, `letter-${date}.docx`)
  const result = await cli('report', 'letter', '--unit', 'H23.07', '--from', from, '--to', to, '--date', date, '--out', out)
  expect(result.code, result.stderr).toBe(0)
  const { paragraphs } = await readDocx(readFileSync(out))
  return { text: paragraphs.join('\n'), paragraphs }
}

describe('a letter cites what came before, from data', () => {
  it('with nothing recorded, the letter drops the "Thực hiện …" opening and cites no earlier letter; the signer’s name is left for the office', async () => {
    expect((await cli('import', 'units', writeCsv(dir, 'units.csv', UNITS_CSV))).code).toBe(0)
    expect((await cli('import', 'procedures', writeCsv(dir, 'procedures.csv', PROCEDURES_CSV))).code).toBe(0)
    expect((await cli('import', 'dossiers', writeCsv(dir, 'dossiers.csv', dossiers()))).code).toBe(0)
    const { text, paragraphs } = await letterText('2022-09-05', '2022-09-09', '2022-09-15')
    expect(text).not.toContain('Thực hiện ')
    expect(text).toContain('tiếp tục thực hiện nghiêm chỉ đạo của UBND huyện; tập trung cao')
    expect(paragraphs.filter((p) => p !== '').slice(-2)).toEqual(['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'])
  })

  it('2022’s plan and decision, the letter of 12/9/2022 recorded, the chair named: seed 000’s opening, continuation and signature', async () => {
    const province = ['--unit', 'H23.07', '--topic', 'digitization', '--year', '2022', '--issuer', 'UBND tỉnh Hải Dương']
    expect((await cli('references', 'add', ...province, '--type', 'Kế hoạch', '--number', '4707/KH-UBND', '--date', '2021-12-24', '--about', 'về cải cách hành chính nhà nước tỉnh Hải Dương năm 2022', '--position', '1')).code).toBe(0)
    expect((await cli('references', 'add', ...province, '--type', 'Quyết định', '--number', '1217/QĐ-UBND', '--date', '2022-05-12', '--about', 'về việc giao chỉ tiêu hồ sơ thủ tục hành chính xử lý trực tuyến cho các Sở, ban, ngành, địa phương năm 2022', '--position', '2')).code).toBe(0)
    expect((await cli('references', 'add', '--unit', 'H23.07', '--topic', 'digitization', '--year', '2023', '--issuer', 'UBND tỉnh Hải Dương', '--type', 'Kế hoạch', '--number', '4400/KH-UBND', '--date', '2022-12-20', '--about', 'về cải cách hành chính năm 2023')).code).toBe(0)
    expect((await cli('letters', 'record', '--unit', 'H23.07', '--number', '1219/UBND-VP', '--date', '2022-09-12', '--topic', 'digitization')).code).toBe(0)
    expect((await cli('signers', 'set', '--unit', 'H23.07', '--position', 'chair', '--name', 'Vũ Thị Hà')).code).toBe(0)
    const { text, paragraphs } = await letterText('2022-09-05', '2022-09-09', '2022-09-15')
    expect(paragraphs).toContain(
      'Thực hiện Kế hoạch số 4707/KH-UBND ngày 24/12/2021 của UBND tỉnh Hải Dương về cải cách hành chính nhà nước tỉnh Hải Dương năm 2022; ' +
        'Quyết định số 1217/QĐ-UBND ngày 12/5/2022 của UBND tỉnh Hải Dương về việc giao chỉ tiêu hồ sơ thủ tục hành chính xử lý trực tuyến cho các Sở, ban, ngành, địa phương năm 2022;',
    )
    expect(text).toContain('tiếp tục thực hiện nghiêm chỉ đạo của UBND huyện tại Công văn số 1219/UBND-VP ngày 12/9/2022; tập trung cao')
    expect(text).not.toContain('4400/KH-UBND')
    expect(paragraphs.filter((p) => p !== '').slice(-3)).toEqual(['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH', 'Vũ Thị Hà'])
  })

  it('once 1262/UBND-VP of 15/9/2022 is recorded, the next letter on the topic cites it; a 2023 letter cites 2023’s plan and no 2022 letter', async () => {
    const recorded = await cli('letters', 'record', '--unit', 'H23.07', '--number', '1262/UBND-VP', '--date', '2022-09-15', '--topic', 'digitization', '--json')
    expect(recorded.code).toBe(0)
    const next = await letterText('2022-09-12', '2022-09-16', '2022-09-22')
    expect(next.text).toContain('chỉ đạo của UBND huyện tại Công văn số 1262/UBND-VP ngày 15/9/2022;')
    const in2023 = await letterText('2023-10-02', '2023-10-06', '2023-10-10')
    expect(in2023.text).toContain('Thực hiện Kế hoạch số 4400/KH-UBND ngày 20/12/2022 của UBND tỉnh Hải Dương về cải cách hành chính năm 2023;')
    expect(in2023.text).not.toMatch(/4707|1217|1219|1262/)
    const audit = JSON.parse((await cli('audit', 'list', '--limit', '20', '--json')).stdout) as { action: string }[]
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['letter.record', 'reference.add', 'signer.set']))
  })
})
