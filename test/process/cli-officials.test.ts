import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { migrateToLatest } from '../../src/db/migrate.js'
import { openDatabase } from '../../src/db/open-database.js'
import { createOfficial } from '../../src/modules/officials/manage-officials.js'
import { listOfficials } from '../../src/modules/officials/officials.repository.js'
import { getUnitByCode, listUnits } from '../../src/modules/units/units.repository.js'
import { daysFrom, makeCertificate } from '../support/forge-certificates.js'
import { tempDir, UNITS_CSV, writeCsv } from '../support/files.js'
import { runCli } from '../support/run-cli.js'
import { useProcessDatabase } from '../support/test-database.js'

/*
 * Phòng VHTT receives the district's certificates from Ban Cơ yếu as a folder of files and loads
 * them with `cli -- officials import-certificates`: a dry run first, then the import, which
 * records nothing while a file is wrong.
 */

const dir = tempDir()
const dataDir = join(dir, 'data')
const processDatabase = useProcessDatabase()
const cli = (...args: string[]) => runCli([...args, '--data', dataDir], processDatabase.env())
const now = new Date()

async function withDatabase<T>(work: (db: Awaited<ReturnType<typeof openDatabase>>['db']) => Promise<T>): Promise<T> {
  const url = processDatabase.env()['DATABASE_URL']
  const handle = await openDatabase(url ? { databaseUrl: url } : { dataDir })
  try {
    await migrateToLatest(handle.db)
    return await work(handle.db)
  } finally {
    await handle.close()
  }
}

describe('cli -- officials import-certificates', () => {
  it('reads a folder of certificates, refuses the batch while one file is corrupt, then records the good ones', async () => {
    expect((await cli('import', 'units', writeCsv(dir, 'units.csv', UNITS_CSV))).code).toBe(0)
    await withDatabase(async (db) => {
      const everyone = { actor: 'test', ip: null, unitIds: new Set((await listUnits(db)).map((u) => u.id)) }
      await createOfficial(db, everyone, await getUnitByCode(db, 'H23.07.01'), { full_name: 'Nguyễn Văn An', identity_number: '030201004589' })
      await createOfficial(db, everyone, await getUnitByCode(db, 'H23.07.02'), { full_name: 'Trần Thị Bình' })
    })
    const folder = join(dir, 'chung-thu')
    mkdirSync(join(folder, 'xa-quang-trung'), { recursive: true })
    writeFileSync(join(folder, 'an.cer'), makeCertificate({ commonName: 'Nguyen Van An', uid: 'CMND:030201004589', validFrom: daysFrom(now, -30), validTo: daysFrom(now, 700) }).der)
    writeFileSync(join(folder, 'xa-quang-trung', 'binh.pem'), makeCertificate({ commonName: 'Trần Thị Bình', validFrom: daysFrom(now, -300), validTo: daysFrom(now, 20) }).pem)
    writeFileSync(join(folder, 'hong.crt'), 'tệp hỏng')
    writeFileSync(join(folder, 'ghi-chu.txt'), 'không phải chứng thư')

    const failed = await cli('officials', 'import-certificates', folder, '--json')
    expect(failed.code).toBe(1)
    const report = JSON.parse(failed.stdout)
    expect(report).toMatchObject({ applied: false, unmatched: [], invalid: [{ file: 'hong.crt' }] })
    expect(report.matched.map((m: { file: string; full_name: string }) => [m.file, m.full_name])).toEqual([['an.cer', 'Nguyễn Văn An'], [join('xa-quang-trung', 'binh.pem'), 'Trần Thị Bình']])
    expect(failed.stderr).toMatch(/Không ghi gì/)

    writeFileSync(join(folder, 'hong.crt'), '')
    const dryRun = await cli('officials', 'import-certificates', folder, '--dry-run')
    expect(dryRun.code).toBe(1)
    rmSync(join(folder, 'hong.crt'))
    const tried = await cli('officials', 'import-certificates', folder, '--dry-run')
    expect(tried.code, tried.stderr).toBe(0)
    expect(tried.stdout).toMatch(/Khớp 2 tệp, không khớp 0, lỗi 0\./)
    expect(tried.stdout).toMatch(/Trần Thị Bình \(H23\.07\.02, theo họ tên\), hết hạn .* — hết hạn trong 30 ngày/)
    expect(await withDatabase(async (db) => (await listOfficials(db, (await listUnits(db)).map((u) => u.id))).map((o) => o.certificate))).toEqual([null, null])

    const done = await cli('officials', 'import-certificates', folder)
    expect(done.code, done.stderr).toBe(0)
    expect(done.stderr).toMatch(/Đã ghi chứng thư số cho 2 cán bộ\./)
    const stages = await withDatabase(async (db) => (await listOfficials(db, (await listUnits(db)).map((u) => u.id))).map((o) => [o.full_name, o.certificate_stage, o.certificate?.uid ?? null]))
    expect(stages).toEqual([['Nguyễn Văn An', 'issued', 'CMND:030201004589'], ['Trần Thị Bình', 'issued', null]])
  }, 180_000)
})
