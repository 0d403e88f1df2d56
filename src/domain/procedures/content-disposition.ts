import { foldForSearch } from '../text/aligned-fold.js'

/**
 * Content-Disposition for a download with a Vietnamese name: `filename*` in UTF-8 as RFC 5987
 * (RFC 6266) encodes it for every current browser, and a plain ASCII `filename` without
 * diacritics for the old ones.
 */
export function attachmentDisposition(fileName: string): string {
  const dot = fileName.lastIndexOf('.')
  const stem = dot > 0 ? fileName.slice(0, dot) : fileName
  const extension = dot > 0 ? fileName.slice(dot).replace(/[^A-Za-z0-9.]/g, '') : ''
  const ascii = (foldForSearch(stem).replace(/ /g, '_') || 'tep') + extension
  return `attachment; filename="${ascii}"; filename*=UTF-8''${rfc5987(fileName.normalize('NFC'))}`
}

/** Percent-encodes UTF-8 except RFC 5987's attr-chars. */
function rfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
}
