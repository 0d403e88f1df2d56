import { loadSecretKey } from '../secrets/secret-key-file.js'

export const AUDIT_KEY_FILE = 'audit-anchor.key'

/**
 * The HMAC key of the audit anchors, kept outside the database: `MOTCUA_AUDIT_KEY` when set,
 * otherwise `<data>/audit-anchor.key`, made on first use. Whoever holds only the database cannot
 * write an anchor that verifies.
 */
export function loadAuditAnchorKey(dataDir: string, fromEnv: string | undefined): Buffer {
  return loadSecretKey(dataDir, AUDIT_KEY_FILE, fromEnv, 'MOTCUA_AUDIT_KEY')
}
