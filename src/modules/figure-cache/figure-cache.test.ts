import { describe, expect, it } from 'vitest'
import { FigureCache } from './figure-cache.js'

/** A computation the test finishes by hand, and that records whether it was told to stop. */
function pending<T>() {
  let finish!: (value: T) => void
  let started = 0
  let stopSignal: AbortSignal | null = null
  const compute = (signal: AbortSignal) => {
    started += 1
    stopSignal = signal
    return new Promise<T>((resolve, reject) => {
      finish = resolve
      signal.addEventListener('abort', () => reject(signal.reason))
    })
  }
  return { compute, finish: (value: T) => finish(value), started: () => started, stopped: () => stopSignal?.aborted ?? false }
}

describe('the figure cache', () => {
  it('computes a question once per data version and answers repeats from memory', async () => {
    const cache = new FigureCache()
    let computed = 0
    const table = async () => ({ received: ++computed })
    expect(await cache.answer(7, 'district table', table)).toEqual({ received: 1 })
    expect(await cache.answer(7, 'district table', table)).toEqual({ received: 1 })
    expect(cache.stats()).toMatchObject({ hits: 1, misses: 1 })
  })

  it('computes again once the data version moves on, and forgets the older answers', async () => {
    const cache = new FigureCache()
    let computed = 0
    const table = async () => ({ received: ++computed })
    await cache.answer(7, 'district table', table)
    await cache.answer(7, 'commune table', table)
    expect(await cache.answer(8, 'district table', table)).toEqual({ received: 3 })
    expect(cache.stats()).toMatchObject({ hits: 0, misses: 3, entries: 1, version: 8 })
  })

  it('does not keep an answer computed at a version already superseded', async () => {
    const cache = new FigureCache()
    const slow = pending<string>()
    const old = cache.answer(7, 'district table', slow.compute)
    await cache.answer(8, 'commune table', async () => 'new')
    slow.finish('computed at 7')
    expect(await old).toBe('computed at 7')
    expect(cache.stats().entries).toBe(1)
  })

  it('keeps at most its bound, dropping the least recently used answer first', async () => {
    const cache = new FigureCache(2)
    const answer = (key: string) => cache.answer(1, key, async () => key)
    await answer('a')
    await answer('b')
    await answer('a')
    await answer('c')
    expect(cache.stats().entries).toBe(2)
    await answer('a')
    await answer('b')
    expect(cache.stats()).toMatchObject({ hits: 2, misses: 4 })
  })

  it('lets identical questions asked together wait for one computation', async () => {
    const cache = new FigureCache()
    const work = pending<string>()
    const waiting = Array.from({ length: 200 }, () => cache.answer(1, 'district table', work.compute))
    work.finish('table')
    expect(await Promise.all(waiting)).toEqual(Array(200).fill('table'))
    expect(work.started()).toBe(1)
    expect(cache.stats()).toMatchObject({ misses: 1, coalesced: 199 })
  })

  it('stops the computation when every request waiting for it has gone, and starts afresh for the next', async () => {
    const cache = new FigureCache()
    const work = pending<string>()
    const first = new AbortController()
    const second = new AbortController()
    const answers = [cache.answer(1, 'overview', work.compute, first.signal), cache.answer(1, 'overview', work.compute, second.signal)]
    first.abort(new Error('client gone'))
    await expect(answers[0]).rejects.toThrow('client gone')
    expect(work.stopped()).toBe(false)
    second.abort(new Error('client gone'))
    await expect(answers[1]).rejects.toThrow('client gone')
    expect(work.stopped()).toBe(true)
    expect(cache.stats()).toMatchObject({ abandoned: 1, entries: 0 })
    expect(await cache.answer(1, 'overview', async () => 'computed again')).toBe('computed again')
  })

  it('does not keep a failure: the same question is computed again', async () => {
    const cache = new FigureCache()
    await expect(cache.answer(1, 'unknown unit', async () => Promise.reject(new Error('không tìm thấy')))).rejects.toThrow('không tìm thấy')
    expect(await cache.answer(1, 'unknown unit', async () => 'found')).toBe('found')
  })
})

describe('computations in turn', () => {
  it('runs at most its bound at once; one abandoned while waiting never starts', async () => {
    const cache = new FigureCache(10, 1)
    const first = pending<string>()
    const second = pending<string>()
    const third = pending<string>()
    const leaving = new AbortController()
    const answers = [cache.answer(1, 'a', first.compute), cache.answer(1, 'b', second.compute, leaving.signal), cache.answer(1, 'c', third.compute)]
    expect([first.started(), second.started(), third.started()]).toEqual([1, 0, 0])
    expect(cache.stats()).toMatchObject({ computing: 1, waiting: 2 })
    leaving.abort(new Error('client gone'))
    await expect(answers[1]).rejects.toThrow('client gone')
    first.finish('a')
    expect(await answers[0]).toBe('a')
    await new Promise((resolve) => setImmediate(resolve))
    expect([second.started(), third.started()]).toEqual([0, 1])
    third.finish('c')
    expect(await answers[2]).toBe('c')
    expect(cache.stats()).toMatchObject({ computing: 0, waiting: 0 })
  })
})
