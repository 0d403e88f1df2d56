import { describe, expect, it } from 'vitest'
import { checkFeedbackRules } from '../../domain/feedback/feedback.js'
import { buildDemoDataset } from './demo-dataset.js'
import { demoFeedback, demoFlags, demoPublication, withDemoFlags } from './demo-index766.js'

const dataset = buildDemoDataset({ from: '2022-06-01', to: '2022-08-31', scale: 0.05 })

describe("the demo's Decision 766 data", () => {
  it('adds flags without touching any other value of a dossier', () => {
    const plain = [...dataset.dossiers()]
    const flagged = [...withDemoFlags(dataset.dossiers())]
    expect(flagged.map(({ flags: _flags, ...rest }) => rest)).toEqual(plain)
  })

  it('flags are not known before July 2022, and known for every dossier from then on', () => {
    const flagged = [...withDemoFlags(dataset.dossiers())]
    const june = flagged.filter((d) => d.receivedAt < new Date('2022-06-30T17:00:00Z'))
    const later = flagged.filter((d) => d.receivedAt >= new Date('2022-06-30T17:00:00Z'))
    expect(june.length).toBeGreaterThan(0)
    expect(june.every((d) => d.flags!.syncedNational === null)).toBe(true)
    expect(later.every((d) => d.flags!.syncedNational !== null && d.flags!.populationDataUsed !== null)).toBe(true)
    const synced = later.filter((d) => d.flags!.syncedNational).length / later.length
    expect(synced).toBeGreaterThan(0.8)
    expect(synced).toBeLessThan(1)
  })

  it('is the same on every run', () => {
    const first = [...dataset.dossiers()][0]!
    expect(demoFlags(first)).toEqual(demoFlags({ ...first }))
    expect(demoFeedback(dataset.units, '2022-01-01', '2023-12-31', 1)).toEqual(demoFeedback(dataset.units, '2022-01-01', '2023-12-31', 1))
    expect(demoPublication(dataset.procedures[0]!)).toEqual(demoPublication(dataset.procedures[0]!))
  })

  it("gives Tứ Kỳ a few hundred feedback items over two years, each meeting the feedback rules, codes unique per unit", () => {
    const items = demoFeedback(dataset.units, '2022-01-01', '2023-12-31', 20220905)
    expect(items.length).toBeGreaterThan(200)
    expect(items.length).toBeLessThan(1500)
    for (const item of items) expect(checkFeedbackRules(item), item.code).toEqual([])
    expect(new Set(items.map((i) => `${i.unitCode}/${i.code}`)).size).toBe(items.length)
    expect(items.some((i) => i.handledAt === null && i.rejectedAt === null)).toBe(true)
    expect(items.every((i) => i.receivedAt < new Date('2023-12-31T17:00:00Z'))).toBe(true)
  })

  it('publishes every procedure with an act, an effective date and the population-data flag', () => {
    for (const procedure of dataset.procedures) {
      const p = demoPublication(procedure)
      expect(p.decidedOn! < p.legalBasisEffectiveOn!).toBe(true)
      expect(p.nationalDbUpdatedOn! > p.decidedOn!).toBe(true)
      expect(p.usesPopulationData).not.toBeNull()
    }
  })

  it('knows the payment integration of every procedure with a fee, most of them integrated; a free one stays not known', () => {
    const withFee = dataset.procedures.filter((procedure) => procedure.feeVnd > 0)
    expect(withFee.every((procedure) => demoPublication(procedure).paymentIntegrated !== null)).toBe(true)
    expect(dataset.procedures.filter((procedure) => procedure.feeVnd === 0).every((procedure) => demoPublication(procedure).paymentIntegrated === null)).toBe(true)
    const integrated = withFee.filter((procedure) => demoPublication(procedure).paymentIntegrated).length
    expect(integrated).toBeGreaterThan(withFee.length / 2)
    expect(integrated).toBeLessThan(withFee.length)
  })
})
