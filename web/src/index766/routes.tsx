import { lazy } from 'react'
import type { Feature } from '../shell/feature.js'
import { INDEX_766_PATH } from '../shell/navigation.js'

const IndexPage = lazy(() => import('./IndexPage.js'))

export const index766Feature: Feature = {
  key: 'index766',
  path: INDEX_766_PATH,
  label: 'Chỉ số 766',
  permission: 'indicators:read',
  match: (segments) => (segments.length === 1 && segments[0] === 'chi-so-766' ? { render: ({ me }) => <IndexPage me={me} /> } : null),
}
