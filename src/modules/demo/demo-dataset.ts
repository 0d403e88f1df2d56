import type { DossierInput } from '../../domain/dossiers/dossier-input.js'
import type { ProcedureInput } from '../../domain/procedures/procedure-input.js'
import { AppError } from '../../domain/shared/app-error.js'
import type { UnitInput } from '../../domain/units/unit-input.js'
import { generateDemoDossiers } from './demo-dossiers.js'
import { buildDemoProcedures } from './demo-procedures.js'
import { buildUnitStories } from './demo-story.js'
import { parseIsoDay } from './demo-time.js'
import { buildDemoUnits } from './demo-units.js'

/**
 * The demo dataset behind `seed --demo`: Hải Dương province with Tứ Kỳ district in full, its
 * procedures, and two years of dossiers that tell the story of the seed letters. Pure and
 * deterministic: no I/O, no clock, no Math.random.
 */
export interface DemoDataset {
  /** Parents before children. */
  units: UnitInput[]
  procedures: ProcedureInput[]
  /** Lazily generated, deterministic for a given seed; ordered by receivedAt. */
  dossiers(): Iterable<DossierInput>
}

export interface DemoDatasetOptions {
  /** Any integer; the same seed gives the same dossiers. Default 20220905. */
  seed?: number
  /** First day of reception, `YYYY-MM-DD`, default `2022-01-01`. */
  from?: string
  /** Last day of reception and the moment statuses are taken at (its 24:00), default `2023-12-31`. */
  to?: string
  /** Multiplies every unit's volume; default 1 (about 90 000 dossiers for the two default years). */
  scale?: number
}

export const DEMO_DEFAULT_SEED = 20220905
export const DEMO_DEFAULT_FROM = '2022-01-01'
export const DEMO_DEFAULT_TO = '2023-12-31'

function invalid(message: string, userMessage: string, column: string, value: unknown): AppError {
  return new AppError('validation', message, userMessage, [{ column, value: String(value), reason: message }])
}

export function buildDemoDataset(options: DemoDatasetOptions = {}): DemoDataset {
  const seed = options.seed ?? DEMO_DEFAULT_SEED
  const from = options.from ?? DEMO_DEFAULT_FROM
  const to = options.to ?? DEMO_DEFAULT_TO
  const scale = options.scale ?? 1
  if (!Number.isSafeInteger(seed)) {
    throw invalid('the demo seed must be an integer', 'Hạt giống dữ liệu mẫu phải là số nguyên.', 'seed', seed)
  }
  if (!(Number.isFinite(scale) && scale > 0)) {
    throw invalid('the demo scale must be a positive number', 'Hệ số quy mô dữ liệu mẫu phải là số dương.', 'scale', scale)
  }
  let fromDay: number
  let toDay: number
  try {
    fromDay = parseIsoDay(from)
  } catch {
    throw invalid(`from is not a YYYY-MM-DD date: ${from}`, `Ngày bắt đầu không hợp lệ: ${from} (cần dạng YYYY-MM-DD).`, 'from', from)
  }
  try {
    toDay = parseIsoDay(to)
  } catch {
    throw invalid(`to is not a YYYY-MM-DD date: ${to}`, `Ngày kết thúc không hợp lệ: ${to} (cần dạng YYYY-MM-DD).`, 'to', to)
  }
  if (toDay < fromDay) {
    throw invalid(`the demo range ends before it starts: ${from} … ${to}`, `Khoảng thời gian không hợp lệ: ${from} – ${to}.`, 'to', to)
  }

  const units = buildDemoUnits()
  const procedures = buildDemoProcedures()
  const stories = buildUnitStories()
  const generation = { seed, fromDay, toDay, scale }
  return {
    units,
    procedures,
    dossiers: () => ({
      [Symbol.iterator]: () => generateDemoDossiers(stories, procedures, generation),
    }),
  }
}
