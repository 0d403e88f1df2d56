import { lazy } from 'react'
import type { Feature } from '../shell/feature.js'
import { DOCUMENTS_PATH } from '../shell/navigation.js'

const DocumentsPage = lazy(() => import('./DocumentsPage.js'))

/** /van-ban: incoming documents and the search over scans' recognised text. */
export const documentsFeature: Feature = {
  key: 'documents',
  path: DOCUMENTS_PATH,
  label: 'Văn bản, bản quét',
  permission: 'dossiers:read',
  match: (segments) => (segments.length === 1 && segments[0] === 'van-ban' ? { render: ({ me }) => <DocumentsPage me={me} /> } : null),
}
