import fc from 'fast-check'
import type { DossierInput } from '../../src/domain/dossiers/dossier-input.js'
import type { DossierStatus } from '../../src/domain/dossiers/dossier-status.js'

const HOUR = 3_600_000

export interface RandomDossierSpace {
  unitCodes: readonly string[]
  procedures: readonly { code: string; feeVnd: number }[]
  /** The first moment a dossier may be received. */
  base: number
  /** Receipts fall within this many days of `base`. */
  spanDays: number
  /** The latest appointment after receipt, and the longest processing, in days. */
  dueWithinDays: number
  finishWithinDays: number
}

const statusArb = fc.constantFrom<DossierStatus>('received', 'processing', 'supplement', 'paused', 'finished', 'returned', 'rejected', 'withdrawn')

/**
 * Any dossier an import may bring, in a space of units, procedures and dates: every status,
 * late or not, digitized or not, paid or not, rated or not. The property tests compare two ways
 * of computing the indicators over thousands of these.
 */
export function randomDossier(space: RandomDossierSpace, code: string): fc.Arbitrary<DossierInput> {
  return fc
    .record({
      unit: fc.constantFrom(...space.unitCodes),
      procedure: fc.constantFrom(...space.procedures),
      channel: fc.constantFrom('online', 'direct', 'postal' as const),
      receivedHour: fc.integer({ min: 0, max: space.spanDays * 24 }),
      dueHours: fc.option(fc.integer({ min: -30, max: space.dueWithinDays * 24 }), { nil: null }),
      finishHours: fc.integer({ min: 0, max: space.finishWithinDays * 24 }),
      returnHours: fc.integer({ min: 0, max: 5 * 24 }),
      status: statusArb,
      componentsTotal: fc.integer({ min: 0, max: 4 }),
      digitized: fc.integer({ min: 0, max: 4 }),
      resultDigitized: fc.boolean(),
      paid: fc.boolean(),
      ecert: fc.integer({ min: 0, max: 3 }),
      rating: fc.constantFrom(null, 'very_satisfied', 'satisfied', 'dissatisfied' as const),
    })
    .map((r): DossierInput => {
      const receivedAt = new Date(space.base + r.receivedHour * HOUR)
      const ends = r.status === 'finished' || r.status === 'returned' || r.status === 'rejected' || r.status === 'withdrawn'
      const finishedAt = ends ? new Date(receivedAt.getTime() + r.finishHours * HOUR) : null
      return {
        code,
        unitCode: r.unit,
        procedureCode: r.procedure.code,
        channel: r.channel,
        status: r.status,
        receivedAt,
        dueAt: r.dueHours === null ? null : new Date(receivedAt.getTime() + r.dueHours * HOUR),
        finishedAt,
        returnedAt: r.status === 'returned' && finishedAt ? new Date(finishedAt.getTime() + r.returnHours * HOUR) : null,
        componentsTotal: r.componentsTotal,
        componentsDigitized: Math.min(r.digitized, r.componentsTotal),
        resultDigitized: r.resultDigitized,
        feeVnd: r.procedure.feeVnd,
        paidOnline: r.paid && r.procedure.feeVnd > 0,
        ecertCopies: r.ecert,
        rating: r.rating,
      }
    })
}
