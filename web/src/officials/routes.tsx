import { lazy } from 'react'
import { REGISTRY_LISTS, type RegistryList } from '../../../src/domain/officials/registry-lists.js'
import type { Feature, MatchedPage } from '../shell/feature.js'
import { OFFICIALS_PATH } from '../shell/navigation.js'

const OfficialsPage = lazy(() => import('./OfficialsPage.js'))
const RegistryListPrint = lazy(() => import('./RegistryListPrint.js'))

const isRegistryList = (value: string | undefined): value is RegistryList => (REGISTRY_LISTS as readonly (string | undefined)[]).includes(value)

/** /can-bo (the registry) and /can-bo/in/<list>?unit=… (a list on A4, to print). */
function matchOfficials(segments: readonly string[]): MatchedPage | null {
  if (segments[0] !== 'can-bo') return null
  if (segments.length === 1) return { render: ({ me }) => <OfficialsPage me={me} /> }
  const list = segments[2]
  if (segments.length === 3 && segments[1] === 'in' && isRegistryList(list)) {
    return { render: ({ me }) => <RegistryListPrint list={list} unit={new URLSearchParams(window.location.search).get('unit') || me.unit_code} />, bare: true }
  }
  return null
}

export const officialsFeature: Feature = { key: 'officials', path: OFFICIALS_PATH, label: 'Cán bộ, chữ ký số', permission: 'officials:read', match: matchOfficials }
