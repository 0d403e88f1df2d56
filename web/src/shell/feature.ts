import type { ReactNode } from 'react'
import type { Me } from '../shared/api.js'

export interface PageContext {
  me: Me
  onLoggedOut: (notice?: string) => void
}

/** The page found at an address: what it draws, and whether it stands alone (a printed slip has no header). */
export interface MatchedPage {
  render: (context: PageContext) => ReactNode
  bare?: boolean
}

/**
 * A section of the console as its feature folder offers it: the header's link, who may open it,
 * and the addresses it answers. The shell only lists features; it knows none of their pages.
 */
export interface Feature {
  key: string
  path: string
  label: string
  /** The permission that shows the section in the header. */
  permission: string
  /** The page at these address segments (['mot-cua', 'ho-so', 'X']), or null when they are not this feature's. */
  match: (segments: readonly string[]) => MatchedPage | null
}

/** Decodes one address segment; a malformed escape is no page. */
export function decodeSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment)
  } catch {
    return null
  }
}
