import { describe, expect, it } from 'vitest'
import { ConversionSlots } from './conversion-slots.js'

/** A conversion that ends when the test says so. */
function pending() {
  let finish!: () => void
  const done = new Promise<void>((resolve) => (finish = resolve))
  return { finish, work: async () => { await done; return 'pdf' } }
}

describe('PDF conversions share a few slots', () => {
  it('two run at once, the third waits for a slot, and one past the queue is turned away at once', async () => {
    const slots = new ConversionSlots(2, 1)
    const started: string[] = []
    const a = pending(), b = pending(), c = pending()
    const first = slots.run(async () => { started.push('a'); return a.work() })
    const second = slots.run(async () => { started.push('b'); return b.work() })
    const third = slots.run(async () => { started.push('c'); return c.work() })
    await Promise.resolve()
    expect(started).toEqual(['a', 'b'])
    expect(await slots.run(async () => 'never')).toBeNull()
    a.finish()
    expect(await first).toBe('pdf')
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(started).toEqual(['a', 'b', 'c'])
    b.finish()
    c.finish()
    expect(await Promise.all([second, third])).toEqual(['pdf', 'pdf'])
    // Every slot is free again: two more start at once.
    const d = pending(), e = pending()
    const more = [slots.run(d.work), slots.run(e.work)]
    d.finish()
    e.finish()
    expect(await Promise.all(more)).toEqual(['pdf', 'pdf'])
  })

  it('a failed conversion frees its slot', async () => {
    const slots = new ConversionSlots(1, 0)
    await expect(slots.run(async () => { throw new Error('soffice died') })).rejects.toThrow('soffice died')
    expect(await slots.run(async () => 'pdf')).toBe('pdf')
  })
})
