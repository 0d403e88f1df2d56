import { describe, expect, it } from 'vitest'
import { csrfTokenMatches } from './csrf-token.js'

describe('the anti-forgery token of an official’s session', () => {
  const token = 'mV3k9xQ2pL7sT1wZ8bN4cR6yH0jF5dGa'

  it('matches only the same token', () => {
    expect(csrfTokenMatches(token, token)).toBe(true)
    expect(csrfTokenMatches(`${token.slice(0, -1)}b`, token)).toBe(false)
  })

  it('refuses a missing, shorter, longer or repeated header without throwing', () => {
    expect(csrfTokenMatches(undefined, token)).toBe(false)
    expect(csrfTokenMatches('', token)).toBe(false)
    expect(csrfTokenMatches(token.slice(0, 10), token)).toBe(false)
    expect(csrfTokenMatches(`${token}x`, token)).toBe(false)
    expect(csrfTokenMatches([token, token], token)).toBe(false)
  })

  it('refuses everything when the session has no token (an API token’s request is no browser’s)', () => {
    expect(csrfTokenMatches('', null)).toBe(false)
    expect(csrfTokenMatches(token, null)).toBe(false)
  })

  it('compares characters, not lengths in code units: a look-alike of the same length is refused', () => {
    expect(csrfTokenMatches('mV3k9xQ2pL7sT1wZ8bN4cR6yH0jF5dGá', token)).toBe(false)
  })
})
