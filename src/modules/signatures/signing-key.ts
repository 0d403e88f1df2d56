import { loadSecretKey } from '../secrets/secret-key-file.js'

export const SIGNING_KEY_FILE = 'signing-credentials.key'

/**
 * The key that seals the PKCS#12 credentials held in the database, kept outside it (as the audit
 * anchor key is): `MOTCUA_SIGNING_KEY` when set, otherwise `<data>/signing-credentials.key`, made on
 * first use. A copy of the database alone cannot sign.
 */
export function loadSigningKey(dataDir: string, fromEnv: string | undefined): Buffer {
  return loadSecretKey(dataDir, SIGNING_KEY_FILE, fromEnv, 'MOTCUA_SIGNING_KEY')
}
