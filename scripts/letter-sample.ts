/*
 * Remakes docs/letter-sample.png: the last page — the signature block — of the directive letter
 * (công văn) for 05/9–09/9/2022 drafted from the data set with seed 000's figures, the one the
 * tests use (test/support/seed-letter-data.ts), through the product's own path: generateReport
 * with pdf (LibreOffice), then `pdftoppm -png -r 80`.
 *
 *   npx tsx scripts/letter-sample.ts
 */
import { spawnSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { openDatabase } from '../src/db/open-database.js'
import { migrateToLatest } from '../src/db/migrate.js'
import { importDossiers } from '../src/modules/dossiers/import/import-dossiers.js'
import { saveTarget } from '../src/modules/indicators/targets.repository.js'
import { addCitedDocument } from '../src/modules/letters/save-cited-document.js'
import { setSigner } from '../src/modules/letters/set-signer.js'
import { importProcedures } from '../src/modules/procedures/import-procedures.js'
import { generateReport } from '../src/modules/reports/generate-report.js'
import { importUnits } from '../src/modules/units/import-units.js'
import { tempDir, writeCsv } from '../test/support/files.js'
import { buildLetterDossiers, DISTRICT_CODE, dossiersCsvLines, proceduresCsvLines, unitsCsvLines, WEEK } from '../test/support/seed-letter-data.js'

const OUTPUT = fileURLToPath(new URL('../docs/letter-sample.png', import.meta.url))
const ACTOR = 'script:letter-sample'
const strict = { skipInvalid: false, ignoreUnknown: false }

function run(command: string, args: readonly string[]): string {
  const result = spawnSync(command, args, { encoding: 'utf8' })
  if (result.error) throw new Error(`${command}: ${result.error.message}`)
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')}: ${result.stderr}`)
  return result.stdout
}

const dir = tempDir()
const handle = await openDatabase({ memory: true })
try {
  await migrateToLatest(handle.db)
  await importUnits(handle, writeCsv(dir, 'units.csv', unitsCsvLines()), strict)
  await importProcedures(handle, writeCsv(dir, 'procedures.csv', proceduresCsvLines()), strict)
  await importDossiers(handle, writeCsv(dir, 'dossiers.csv', dossiersCsvLines(buildLetterDossiers())), strict)
  // Seed 001: "chỉ tiêu UBND tỉnh giao năm 2022 (cấp huyện 40%, cấp xã là 25%)".
  await saveTarget(handle.db, { indicator: 'dossier_digitization_rate', year: 2022, unitKind: 'district', unitCode: null, scope: 'own', minimum: 40, decidedBy: 'UBND tỉnh' })
  await saveTarget(handle.db, { indicator: 'dossier_digitization_rate', year: 2022, unitKind: 'commune', unitCode: null, scope: 'subtree', minimum: 25, decidedBy: 'UBND tỉnh' })
  // Seed 000's signer and what it cites: the province's plan and decision, and the district's letter of 12/9/2022.
  await setSigner(handle.db, { unitCode: DISTRICT_CODE, position: 'chair', name: 'Vũ Thị Hà' }, ACTOR)
  const province = { topic: 'digitization', year: 2022, role: 'basis', docType: '', number: '', issuedOn: '', issuer: 'UBND tỉnh Hải Dương', about: '', position: 0 } as const
  await addCitedDocument(handle.db, DISTRICT_CODE, { ...province, docType: 'Kế hoạch', number: '4707/KH-UBND', issuedOn: '2021-12-24', about: 'về cải cách hành chính nhà nước tỉnh Hải Dương năm 2022', position: 1 }, ACTOR)
  await addCitedDocument(
    handle.db,
    DISTRICT_CODE,
    { ...province, docType: 'Quyết định', number: '1217/QĐ-UBND', issuedOn: '2022-05-12', about: 'về việc giao chỉ tiêu hồ sơ thủ tục hành chính xử lý trực tuyến cho các Sở, ban, ngành, địa phương năm 2022', position: 2 },
    ACTOR,
  )
  await addCitedDocument(handle.db, DISTRICT_CODE, { ...province, role: 'letter', docType: 'Công văn', number: '1219/UBND-VP', issuedOn: '2022-09-12', issuer: '' }, ACTOR)

  const report = await generateReport(handle.db, { kind: 'letter', unitCode: DISTRICT_CODE, from: WEEK.from, to: WEEK.to, date: '2022-09-15', pdf: true }, { actor: ACTOR })
  if (!report.pdf?.ok) throw new Error(`no PDF: ${report.pdf?.reason ?? 'not asked'}`)
  const pdfPath = join(dir, report.filename.replace(/\.docx$/, '.pdf'))
  writeFileSync(pdfPath, report.pdf.pdf)

  const pages = Number(/^Pages:\s+(\d+)/m.exec(run('pdfinfo', [pdfPath]))?.[1])
  if (!Number.isInteger(pages) || pages < 1) throw new Error(`pdfinfo found no pages in ${pdfPath}`)
  // The last page carries "Nơi nhận" and the signature block.
  run('pdftoppm', ['-png', '-r', '80', '-f', String(pages), '-l', String(pages), '-singlefile', pdfPath, OUTPUT.replace(/\.png$/, '')])
  console.error(`${OUTPUT}: trang ${pages}/${pages} của ${pdfPath}`)
} finally {
  await handle.close()
}
