/**
 * A small, seedable pseudo-random generator for the demo dataset. The demo must be the same
 * on every machine and every run for a given seed, so nothing here touches Math.random.
 *
 * The generator is mulberry32 (32-bit state, period 2^32): plenty for a demo of ~100 k rows,
 * and cheap enough to create one per unit and day, which keeps a day's dossiers identical
 * whatever date range is asked for.
 */

/** Mulberry32: returns a function yielding uniform floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Combines integers into one well-mixed 32-bit seed (murmur3-style finaliser per part). */
export function mixSeed(...parts: readonly number[]): number {
  let h = 0x9e3779b9
  for (const part of parts) {
    h ^= part >>> 0
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b)
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35)
    h ^= h >>> 16
  }
  return h >>> 0
}

/** FNV-1a hash of a string, for turning codes into seed parts. */
export function hashString(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

/** Draws from a fixed list with fixed weights; the cumulative table is built once. */
export class WeightedTable<T> {
  private readonly items: readonly T[]
  private readonly cumulative: readonly number[]
  private readonly total: number

  constructor(entries: readonly (readonly [T, number])[]) {
    if (entries.length === 0) throw new Error('a weighted table needs at least one entry')
    const items: T[] = []
    const cumulative: number[] = []
    let total = 0
    for (const [item, weight] of entries) {
      if (!(weight >= 0)) throw new Error('weights must be non-negative numbers')
      total += weight
      items.push(item)
      cumulative.push(total)
    }
    if (total <= 0) throw new Error('a weighted table needs a positive total weight')
    this.items = items
    this.cumulative = cumulative
    this.total = total
  }

  /** `u` is a uniform draw in [0, 1). */
  pick(u: number): T {
    const target = u * this.total
    for (let i = 0; i < this.cumulative.length; i++) {
      if (target < (this.cumulative[i] as number)) return this.items[i] as T
    }
    return this.items[this.items.length - 1] as T
  }
}

export class SeededRandom {
  private readonly source: () => number

  constructor(seed: number) {
    this.source = mulberry32(seed)
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.source()
  }

  /** Uniform integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.source() * (max - min + 1))
  }

  /** Uniform float in [min, max). */
  between(min: number, max: number): number {
    return min + this.source() * (max - min)
  }

  /** True with probability `p` (clamped to [0, 1]). Always consumes one draw. */
  chance(p: number): boolean {
    return this.source() < p
  }

  /** Standard normal draw (Box–Muller; consumes two uniforms). */
  gaussian(): number {
    const u = 1 - this.source() // (0, 1]
    const v = this.source()
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v)
  }

  /** Poisson-distributed count with mean `lambda` (exact for small means, normal above 30). */
  poisson(lambda: number): number {
    if (!(lambda > 0)) return 0
    if (lambda > 30) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * this.gaussian()))
    const limit = Math.exp(-lambda)
    let k = 0
    let product = this.source()
    while (product > limit) {
      k++
      product *= this.source()
    }
    return k
  }
}
