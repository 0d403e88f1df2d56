import { foldForSearch } from '../text/aligned-fold.js'

/** A name every browser takes as it is in a quoted `filename` (no quote, backslash, space or control). */
const PLAIN_ASCII_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/

/**
 * Content-Disposition for a download, the one way every route names a file: `filename*` in
 * UTF-8 as RFC 5987 (RFC 6266) encodes it for every current browser, and a plain ASCII
 * `filename` for the old ones — the name itself when it is plain already, else folded without
 * diacritics. Whatever the name holds (quotes, CR/LF, Vietnamese), the header stays well formed.
 */
export function attachmentDisposition(fileName: string): string {
  return `attachment; filename="${asciiFallback(fileName)}"; filename*=UTF-8''${rfc5987(fileName.normalize('NFC'))}`
}

function asciiFallback(fileName: string): string {
  if (PLAIN_ASCII_NAME.test(fileName)) return fileName
  const dot = fileName.lastIndexOf('.')
  const stem = dot > 0 ? fileName.slice(0, dot) : fileName
  const extension = dot > 0 ? fileName.slice(dot).replace(/[^A-Za-z0-9.]/g, '') : ''
  return (foldForSearch(stem).replace(/ /g, '_') || 'tep') + extension
}

/** Percent-encodes UTF-8 except RFC 5987's attr-chars. */
function rfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
}
