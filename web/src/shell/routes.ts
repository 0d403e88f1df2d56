import { dashboardFeature } from '../dashboard/routes.js'
import { deskFeature } from '../desk/routes.js'
import { feedbackFeature } from '../feedback/routes.js'
import { index766Feature } from '../index766/routes.js'
import { proceduresFeature } from '../procedures/routes.js'
import { officialsFeature } from '../officials/routes.js'
import { directivesFeature } from '../directives/routes.js'
import type { Feature, MatchedPage } from './feature.js'

/** The console's sections, in the header's order. */
export const FEATURES: readonly Feature[] = [dashboardFeature, deskFeature, feedbackFeature, index766Feature, proceduresFeature, directivesFeature, officialsFeature]

export interface Route {
  /** The section the address belongs to, or null for an unknown address. */
  section: string | null
  page: MatchedPage | null
}

export function addressSegments(pathname: string): string[] {
  return pathname.replace(/\/+$/, '').split('/').filter(Boolean)
}

/** The address → the page. Unknown addresses say so instead of showing an empty dashboard. */
export function matchRoute(pathname: string): Route {
  const segments = addressSegments(pathname)
  for (const feature of FEATURES) {
    const page = feature.match(segments)
    if (page) return { section: feature.key, page }
  }
  return { section: null, page: null }
}
