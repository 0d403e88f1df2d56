import { describe, expect, it } from 'vitest'
import { SeededRandom, WeightedTable, hashString, mixSeed, mulberry32 } from './seeded-random.js'

describe('the demo draws its randomness from a seed, never from Math.random', () => {
  it('the same seed gives the same sequence, another seed another one', () => {
    const a = mulberry32(42)
    const b = mulberry32(42)
    const c = mulberry32(43)
    const first = Array.from({ length: 5 }, () => a())
    expect(Array.from({ length: 5 }, () => b())).toEqual(first)
    expect(Array.from({ length: 5 }, () => c())).not.toEqual(first)
  })

  it('draws are uniform in [0, 1)', () => {
    const random = new SeededRandom(7)
    let sum = 0
    for (let i = 0; i < 10_000; i++) {
      const u = random.next()
      expect(u).toBeGreaterThanOrEqual(0)
      expect(u).toBeLessThan(1)
      sum += u
    }
    expect(sum / 10_000).toBeCloseTo(0.5, 1)
  })

  it('integers stay within their bounds, both included', () => {
    const random = new SeededRandom(1)
    const seen = new Set<number>()
    for (let i = 0; i < 1_000; i++) seen.add(random.int(1, 4))
    expect([...seen].sort()).toEqual([1, 2, 3, 4])
  })

  it('a day at the counter gets a Poisson number of dossiers around its mean', () => {
    const random = new SeededRandom(2022)
    for (const mean of [0.5, 4, 18, 60]) {
      let total = 0
      for (let i = 0; i < 4_000; i++) total += random.poisson(mean)
      expect(total / 4_000).toBeGreaterThan(mean * 0.93)
      expect(total / 4_000).toBeLessThan(mean * 1.07)
    }
    expect(random.poisson(0)).toBe(0)
  })

  it('a weighted table picks in proportion to its weights', () => {
    const table = new WeightedTable([
      ['chứng thực', 3],
      ['khai sinh', 1],
    ] as const)
    const random = new SeededRandom(3)
    let certifications = 0
    for (let i = 0; i < 8_000; i++) if (table.pick(random.next()) === 'chứng thực') certifications++
    expect(certifications / 8_000).toBeCloseTo(0.75, 1)
    expect(() => new WeightedTable([])).toThrow()
  })

  it('seeds mixed from unit and day differ for neighbouring days and units', () => {
    const unit = hashString('H23.07.01')
    expect(mixSeed(1, unit, 19_240)).not.toBe(mixSeed(1, unit, 19_241))
    expect(mixSeed(1, unit, 19_240)).not.toBe(mixSeed(1, hashString('H23.07.02'), 19_240))
    expect(mixSeed(1, unit, 19_240)).toBe(mixSeed(1, unit, 19_240))
  })
})
