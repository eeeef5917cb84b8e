/** The k best (slot, score) pairs: a min-heap; ties go to the smaller id. */
export class TopK<T extends { score: number; id: string }> {
  readonly #k: number
  readonly #items: T[] = []
  constructor(k: number) {
    this.#k = k
  }
  get full(): boolean {
    return this.#items.length >= this.#k
  }
  /** The score to beat (ties by id): the worst kept one when full, else −∞. */
  get threshold(): number {
    return this.full ? this.#items[0]!.score : Number.NEGATIVE_INFINITY
  }
  /** Whether an item with this score and id would be kept (offer it only then: no allocation otherwise). */
  accepts(score: number, id: string): boolean {
    if (!this.full) return true
    const worst = this.#items[0]!
    return score > worst.score || (score === worst.score && id < worst.id)
  }
  /** True when a ranks below b. */
  #worse(a: { score: number; id: string }, b: { score: number; id: string }): boolean {
    return a.score < b.score || (a.score === b.score && a.id > b.id)
  }
  offer(item: T): void {
    const h = this.#items
    if (h.length < this.#k) {
      h.push(item)
      let i = h.length - 1
      while (i > 0) {
        const p = (i - 1) >> 1
        if (!this.#worse(h[i]!, h[p]!)) break
        ;[h[i], h[p]] = [h[p]!, h[i]!]
        i = p
      }
      return
    }
    if (!this.#worse(h[0]!, item)) return
    h[0] = item
    let i = 0
    for (;;) {
      const l = 2 * i + 1
      const r = l + 1
      let m = i
      if (l < h.length && this.#worse(h[l]!, h[m]!)) m = l
      if (r < h.length && this.#worse(h[r]!, h[m]!)) m = r
      if (m === i) break
      ;[h[i], h[m]] = [h[m]!, h[i]!]
      i = m
    }
  }
  sorted(): T[] {
    return [...this.#items].sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  }
}
