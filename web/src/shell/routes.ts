import { isPrintableForm, type PrintableForm } from '../desk/forms/printable-forms.js'

export type Route =
  | { page: 'dashboard'; section: 'dashboard' }
  | { page: 'desk'; section: 'desk' }
  | { page: 'receive'; section: 'desk' }
  | { page: 'dossier'; section: 'desk'; code: string }
  | { page: 'print'; section: 'desk'; code: string; form: PrintableForm }
  | { page: 'index766'; section: 'index766' }
  | { page: 'feedback'; section: 'feedback' }
  | { page: 'procedures'; section: 'procedures' }
  | { page: 'not-found'; section: 'none' }

function decode(segment: string): string | null {
  try {
    return decodeURIComponent(segment)
  } catch {
    return null
  }
}

/** The address → the page. Unknown addresses say so instead of showing an empty dashboard. */
export function matchRoute(pathname: string): Route {
  const parts = pathname.replace(/\/+$/, '').split('/').filter(Boolean)
  if (parts.length === 0) return { page: 'dashboard', section: 'dashboard' }
  if (parts[0] === 'chi-so-766' && parts.length === 1) return { page: 'index766', section: 'index766' }
  if (parts[0] === 'phan-anh' && parts.length === 1) return { page: 'feedback', section: 'feedback' }
  if (parts[0] === 'thu-tuc' && parts.length === 1) return { page: 'procedures', section: 'procedures' }
  if (parts[0] !== 'mot-cua') return { page: 'not-found', section: 'none' }
  if (parts.length === 1) return { page: 'desk', section: 'desk' }
  if (parts[1] === 'tiep-nhan' && parts.length === 2) return { page: 'receive', section: 'desk' }
  if (parts[1] === 'ho-so' && parts[2]) {
    const code = decode(parts[2])
    if (code === null) return { page: 'not-found', section: 'none' }
    if (parts.length === 3) return { page: 'dossier', section: 'desk', code }
    if (parts.length === 5 && parts[3] === 'in' && isPrintableForm(parts[4]!)) return { page: 'print', section: 'desk', code, form: parts[4] }
  }
  return { page: 'not-found', section: 'none' }
}
