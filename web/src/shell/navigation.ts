import { useEffect, useState, type MouseEvent } from 'react'

/** The console's pages live in the address (/, /mot-cua, /mot-cua/ho-so/…): bookmarks and Back work. */
const LOCATION_CHANGED = 'motcua:location'

export function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (path === `${window.location.pathname}${window.location.search}`) return
  if (options.replace) window.history.replaceState(null, '', path)
  else window.history.pushState(null, '', path)
  window.dispatchEvent(new Event(LOCATION_CHANGED))
  window.scrollTo(0, 0)
}

/** The path now shown; re-renders on navigate() and on Back/Forward. */
export function usePathname(): string {
  const [pathname, setPathname] = useState(window.location.pathname)
  useEffect(() => {
    const update = () => setPathname(window.location.pathname)
    window.addEventListener('popstate', update)
    window.addEventListener(LOCATION_CHANGED, update)
    return () => {
      window.removeEventListener('popstate', update)
      window.removeEventListener(LOCATION_CHANGED, update)
    }
  }, [])
  return pathname
}

/** For <a href onClick>: a plain click stays in the page, a middle or Ctrl-click opens a tab as usual. */
export function followLink(event: MouseEvent<HTMLAnchorElement>, path: string): void {
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return
  event.preventDefault()
  navigate(path)
}

export const DESK_PATH = '/mot-cua'
export const RECEIVE_PATH = '/mot-cua/tiep-nhan'
export const INDEX_766_PATH = '/chi-so-766'
export const FEEDBACK_PATH = '/phan-anh'
export const PROCEDURES_PATH = '/thu-tuc'
export const OFFICIALS_PATH = '/can-bo'
export const dossierPath = (code: string) => `/mot-cua/ho-so/${encodeURIComponent(code)}`
export const printPath = (code: string, form: string) => `/mot-cua/ho-so/${encodeURIComponent(code)}/in/${form}`
