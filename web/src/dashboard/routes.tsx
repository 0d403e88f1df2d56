import { lazy } from 'react'
import type { Feature } from '../shell/feature.js'

const Dashboard = lazy(() => import('./Dashboard.js'))

export const dashboardFeature: Feature = {
  key: 'dashboard',
  path: '/',
  label: 'Bảng điều hành',
  permission: 'indicators:read',
  match: (segments) => (segments.length === 0 ? { render: ({ me, onLoggedOut }) => <Dashboard me={me} onLoggedOut={onLoggedOut} /> } : null),
}
