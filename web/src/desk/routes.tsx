import { lazy } from 'react'
import { decodeSegment, type Feature, type MatchedPage } from '../shell/feature.js'
import { DESK_PATH } from '../shell/navigation.js'
import { isPrintableForm } from './forms/printable-forms.js'

// Each page is a chunk of its own: a leader's dashboard does not carry the desk's forms.
const DeskQueues = lazy(() => import('./DeskQueues.js'))
const ReceiveDossier = lazy(() => import('./ReceiveDossier.js'))
const DossierView = lazy(() => import('./DossierView.js'))
const PrintForm = lazy(() => import('./forms/PrintForm.js'))
const TrackingBookPage = lazy(() => import('./TrackingBookPage.js'))
const TrackingBookPrint = lazy(() => import('./TrackingBookPrint.js'))
const OfficialWorkloadPage = lazy(() => import('./OfficialWorkloadPage.js'))
const ScanSearchPage = lazy(() => import('./ScanSearchPage.js'))
const EcertRegisterPrint = lazy(() => import('../signatures/EcertRegisterPrint.js'))

/** /mot-cua, /mot-cua/tiep-nhan, /mot-cua/so-theo-doi(/in), /mot-cua/can-bo, /mot-cua/tim-ban-quet, /mot-cua/ho-so/<code>, /mot-cua/ho-so/<code>/in/<form>. */
function matchDesk(segments: readonly string[]): MatchedPage | null {
  if (segments[0] !== 'mot-cua') return null
  if (segments.length === 1) return { render: ({ me }) => <DeskQueues me={me} /> }
  if (segments[1] === 'tiep-nhan' && segments.length === 2) return { render: ({ me }) => <ReceiveDossier me={me} /> }
  if (segments[1] === 'so-theo-doi' && segments.length === 2) return { render: ({ me }) => <TrackingBookPage me={me} /> }
  if (segments[1] === 'so-theo-doi' && segments[2] === 'in' && segments.length === 3) return { render: ({ me }) => <TrackingBookPrint me={me} />, bare: true }
  if (segments[1] === 'can-bo' && segments.length === 2) return { render: ({ me }) => <OfficialWorkloadPage me={me} /> }
  if (segments[1] === 'tim-ban-quet' && segments.length === 2) return { render: ({ me }) => <ScanSearchPage me={me} /> }
  if (segments[1] === 'so-chung-thuc' && segments.length === 2) return { render: () => <EcertRegisterPrint />, bare: true }
  if (segments[1] !== 'ho-so' || !segments[2]) return null
  const code = decodeSegment(segments[2])
  if (code === null) return null
  if (segments.length === 3) return { render: ({ me }) => <DossierView code={code} me={me} /> }
  const form = segments[4]
  if (segments.length === 5 && segments[3] === 'in' && form !== undefined && isPrintableForm(form)) {
    return { render: () => <PrintForm code={code} form={form} />, bare: true }
  }
  return null
}

export const deskFeature: Feature = { key: 'desk', path: DESK_PATH, label: 'Một cửa', permission: 'dossiers:read', match: matchDesk }
