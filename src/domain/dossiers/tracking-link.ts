/**
 * Where a citizen looks a dossier up: the short address printed, with its QR code, on the receipt
 * slip. The path is fixed here (the public portal serves it); the host is the deployment's public
 * address (MOTCUA_PUBLIC_BASE_URL), or the address the console was reached at when none is configured.
 */
export const TRACKING_PATH_PREFIX = '/tra-cuu'

export function trackingPath(dossierCode: string): string {
  return `${TRACKING_PATH_PREFIX}/${encodeURIComponent(dossierCode)}`
}

export function trackingUrl(baseUrl: string, dossierCode: string): string {
  return `${baseUrl.replace(/\/+$/, '')}${trackingPath(dossierCode)}`
}
