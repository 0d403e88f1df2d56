import { lazy } from 'react'
import type { Feature } from '../shell/feature.js'
import { PROCEDURES_PATH } from '../shell/navigation.js'

const ProceduresPage = lazy(() => import('./ProceduresPage.js'))

export const proceduresFeature: Feature = {
  key: 'procedures',
  path: PROCEDURES_PATH,
  label: 'Thủ tục',
  permission: 'indicators:read',
  match: (segments) => (segments.length === 1 && segments[0] === 'thu-tuc' ? { render: ({ me }) => <ProceduresPage me={me} /> } : null),
}
