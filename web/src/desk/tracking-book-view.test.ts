import { describe, expect, it } from 'vitest'
import { readBookQuery } from './tracking-book-view.js'

describe('the tracking book’s question in the address', () => {
  it('reads the unit, period, kind and procedure a bookmark holds', () => {
    expect(readBookQuery('?unit=H23.07&from=2022-09-01&to=2022-09-30&kind=late&procedure=1.004873', 'H23.07.01')).toEqual({
      unit: 'H23.07', from: '2022-09-01', to: '2022-09-30', kind: 'late', procedure: '1.004873',
    })
  })

  it('falls back to the caller’s unit, this month so far and the book of receipts', () => {
    const query = readBookQuery('?from=01/09/2022&kind=bogus', 'H23.07.01')
    expect(query).toMatchObject({ unit: 'H23.07.01', kind: 'received' })
    // The first of a month, up to a day of the same month.
    expect(query.from).toMatch(/^\d{4}-\d{2}-01$/)
    expect(query.to.slice(0, 7)).toBe(query.from.slice(0, 7))
    expect(query).not.toHaveProperty('procedure')
  })
})
