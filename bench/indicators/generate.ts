import { createWriteStream } from 'node:fs'
import { once } from 'node:events'
import type { UnitInput } from '../../src/domain/units/unit-input.js'
import type { ProcedureInput } from '../../src/domain/procedures/procedure-input.js'
import { mulberry32 } from '../../src/modules/demo/seeded-random.js'

/** A province of 12 districts with 20 communes each, like Hải Dương before 2025. */
export function benchUnits(): UnitInput[] {
  const units: UnitInput[] = [{ code: 'B', name: 'Tỉnh Thử Nghiệm', kind: 'province', parentCode: null }]
  for (let d = 1; d <= 12; d++) {
    const district = `B.${String(d).padStart(2, '0')}`
    units.push({ code: district, name: `Huyện ${d}`, kind: 'district', parentCode: 'B' })
    for (let c = 1; c <= 20; c++) units.push({ code: `${district}.${String(c).padStart(2, '0')}`, name: `Xã ${d}-${c}`, kind: 'commune', parentCode: district })
  }
  return units
}

export function benchProcedures(): ProcedureInput[] {
  return [
    { code: 'BP1', name: 'Khai sinh', field: 'Hộ tịch', level: 'commune', onlineLevel: 'full', processingDays: 0, feeVnd: 0 },
    { code: 'BP2', name: 'Chứng thực bản sao', field: 'Chứng thực', level: 'commune', onlineLevel: 'partial', processingDays: 0, feeVnd: 2000, cutoffTime: '15:00' },
    { code: 'BP3', name: 'Kết hôn', field: 'Hộ tịch', level: 'commune', onlineLevel: 'full', processingDays: 5, feeVnd: 0 },
    { code: 'BP4', name: 'Hộ kinh doanh', field: 'Kinh doanh', level: 'district', onlineLevel: 'partial', processingDays: 3, feeVnd: 100000 },
    { code: 'BP5', name: 'Đất đai', field: 'Đất đai', level: 'district', onlineLevel: 'none', processingDays: 10, feeVnd: 50000 },
  ]
}

export const BENCH_START = Date.parse('2022-01-03T08:00:00+07:00')
export const BENCH_DAYS = 730

export const DOSSIER_HEADER =
  'code,unit_code,procedure_code,channel,received_at,due_at,finished_at,returned_at,status,components_total,components_digitized,result_digitized,fee_vnd,paid_online,ecert_copies,rating'

/** Writes `rows` dossiers spread over two years and every unit; deterministic. */
export async function writeBenchDossiers(path: string, rows: number): Promise<void> {
  const units = benchUnits().filter((u) => u.kind !== 'province')
  const procedures = benchProcedures()
  const out = createWriteStream(path)
  out.write(`${DOSSIER_HEADER}\n`)
  const random = mulberry32(42)
  const iso = (ms: number) => new Date(ms).toISOString()
  let chunk = ''
  for (let i = 0; i < rows; i++) {
    const unit = units[Math.floor(random() * units.length)]!
    const procedure = unit.kind === 'district' ? procedures[3 + Math.floor(random() * 2)]! : procedures[Math.floor(random() * 3)]!
    const received = BENCH_START + Math.floor(random() * BENCH_DAYS) * 86_400_000 + Math.floor(random() * 9 * 3_600_000)
    const due = received + (1 + Math.floor(random() * 10)) * 86_400_000
    const r = random()
    const status = r < 0.85 ? 'returned' : r < 0.9 ? 'finished' : r < 0.93 ? 'rejected' : r < 0.95 ? 'withdrawn' : r < 0.98 ? 'processing' : 'supplement'
    const ends = status === 'returned' || status === 'finished' || status === 'rejected' || status === 'withdrawn'
    const finished = ends ? received + Math.floor(random() * 12 * 86_400_000) : 0
    const returned = status === 'returned' ? finished + Math.floor(random() * 2 * 86_400_000) : 0
    const total = 1 + Math.floor(random() * 5)
    const digitized = random() < 0.6 ? total : Math.floor(random() * total)
    const fee = procedure.feeVnd
    chunk += `BX${i},${unit.code},${procedure.code},${random() < 0.7 ? 'online' : 'direct'},${iso(received)},${iso(due)},${ends ? iso(finished) : ''},${returned ? iso(returned) : ''},${status},${total},${digitized},${random() < 0.8},${fee},${fee > 0 && random() < 0.5},${procedure.code === 'BP2' && random() < 0.3 ? 1 : 0},${random() < 0.3 ? 'satisfied' : ''}\n`
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, 'drain')
      chunk = ''
    }
  }
  out.write(chunk)
  out.end()
  await once(out, 'finish')
}
