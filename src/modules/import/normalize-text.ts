/**
 * Headers and values from Vietnamese files are compared ignoring case, surrounding and
 * repeated spaces and Unicode normalization (NFC vs NFD, as Windows and macOS tools differ).
 */
export function normalizeKey(text: string): string {
  return text.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('vi')
}
