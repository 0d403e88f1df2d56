import { lazy } from 'react'
import type { Feature } from '../shell/feature.js'
import { FEEDBACK_PATH } from '../shell/navigation.js'

const FeedbackPage = lazy(() => import('./FeedbackPage.js'))

export const feedbackFeature: Feature = {
  key: 'feedback',
  path: FEEDBACK_PATH,
  label: 'Phản ánh, kiến nghị',
  permission: 'dossiers:read',
  match: (segments) => (segments.length === 1 && segments[0] === 'phan-anh' ? { render: ({ me }) => <FeedbackPage me={me} /> } : null),
}
