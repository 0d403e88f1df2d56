import { lazy } from 'react'
import type { Feature } from '../shell/feature.js'
import { DIRECTIVES_PATH } from './paths.js'

const DirectivesPage = lazy(() => import('./DirectivesPage.js'))
const DirectivePage = lazy(() => import('./DirectivePage.js'))

export const directivesFeature: Feature = {
  key: 'directives',
  path: DIRECTIVES_PATH,
  label: 'Chỉ đạo, điều hành',
  permission: 'indicators:read',
  match: (segments) => {
    if (segments[0] !== 'chi-dao') return null
    if (segments.length === 1) return { render: ({ me }) => <DirectivesPage me={me} /> }
    if (segments.length === 3 && segments[1] === 'van-ban' && /^\d{1,9}$/.test(segments[2]!)) {
      const id = Number(segments[2])
      return { render: ({ me }) => <DirectivePage key={id} me={me} id={id} /> }
    }
    return null
  },
}
