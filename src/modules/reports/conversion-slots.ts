/**
 * How many LibreOffice conversions run at once in this process: each is a whole office suite
 * (hundreds of MB, a core for seconds), so a burst of PDF requests waits its turn, and beyond a
 * short queue is told to come back rather than pile up processes until the machine gives out.
 */
export class ConversionSlots {
  private running = 0
  private readonly waiting: (() => void)[] = []

  constructor(
    private readonly concurrent: number,
    private readonly queueLength: number,
  ) {}

  /** Runs `work` in a slot; null without running it when every slot and the queue are taken. */
  async run<T>(work: () => Promise<T>): Promise<T | null> {
    if (this.running >= this.concurrent) {
      if (this.waiting.length >= this.queueLength) return null
      await new Promise<void>((resolve) => this.waiting.push(resolve))
    } else {
      this.running++
    }
    try {
      return await work()
    } finally {
      // The slot passes straight to the next in line, or is freed.
      const next = this.waiting.shift()
      if (next) next()
      else this.running--
    }
  }
}
