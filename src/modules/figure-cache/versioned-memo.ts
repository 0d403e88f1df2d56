/**
 * Values that hold for one version: a newer version forgets them all, and a value read under a
 * version already superseded is not kept. Bounded: the oldest value goes first.
 */
export class VersionedMemo<V> {
  private version = Number.NEGATIVE_INFINITY
  private readonly values = new Map<string, V>()

  constructor(private readonly maxEntries: number) {}

  get(version: number, key: string): V | undefined {
    this.note(version)
    return version === this.version ? this.values.get(key) : undefined
  }

  set(version: number, key: string, value: V): void {
    this.note(version)
    if (version !== this.version) return
    if (this.values.size >= this.maxEntries) {
      const oldest = this.values.keys().next().value
      if (oldest !== undefined) this.values.delete(oldest)
    }
    this.values.set(key, value)
  }

  private note(version: number): void {
    if (version <= this.version) return
    this.version = version
    this.values.clear()
  }
}
