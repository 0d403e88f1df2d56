const LT = 0x3c
const isDelimiter = (byte: number | undefined) => byte === 0x20 || byte === 0x3e || byte === 0x2f || byte === 0x09 || byte === 0x0a || byte === 0x0d
const startsWith = (bytes: Buffer, name: string) => {
  for (let i = 0; i < name.length; i++) if (bytes[i] !== name.charCodeAt(i)) return false
  return isDelimiter(bytes[name.length])
}

/**
 * Counts, in an XML part fed chunk by chunk as it is inflated, what a spreadsheet reader would
 * hold in memory: cells (`<c>`) in all and per row (`<row>`), shared strings (`<si>`), and the
 * longest run of bytes without a `<` — a text or a tag the XML parser keeps whole. Byte-level,
 * without parsing: it is a bound, not a reading.
 */
export class XmlTally {
  cells = 0
  rowCells = 0
  strings = 0
  longestRun = 0
  private position = 0
  private lastTag = -1
  /** The bytes after a `<` that ended the previous chunk, to name the tag. */
  private pending: Buffer | null = null

  feed(chunk: Buffer): void {
    if (this.pending) {
      const name = Buffer.concat([this.pending, chunk.subarray(0, 8)])
      this.pending = null
      this.name(name)
    }
    let i = chunk.indexOf(LT)
    while (i !== -1) {
      const at = this.position + i
      this.longestRun = Math.max(this.longestRun, at - this.lastTag - 1)
      this.lastTag = at
      // The names counted are at most 3 bytes: 4 after the `<` (or a delimiter) tell them apart.
      this.name(chunk.subarray(i + 1, i + 9))
      i = chunk.indexOf(LT, i + 1)
    }
    this.position += chunk.length
    this.longestRun = Math.max(this.longestRun, this.position - this.lastTag - 1)
  }

  /** The names counted are at most 3 bytes: 4 after the `<` (or a delimiter) tell them apart; fewer wait for the next chunk. */
  private name(bytes: Buffer): void {
    if (bytes.length >= 4 || bytes.some(isDelimiter)) this.classify(bytes)
    else this.pending = Buffer.from(bytes)
  }

  private classify(name: Buffer): void {
    if (startsWith(name, 'c')) {
      this.cells++
      this.rowCells++
    } else if (startsWith(name, 'row')) this.rowCells = 0
    else if (startsWith(name, 'si')) this.strings++
  }
}
