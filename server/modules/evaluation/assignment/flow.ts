// Min-cost flow by successive shortest paths with node potentials (primal-dual): a Dijkstra on reduced costs (stopped
// when the sink is settled; unsettled nodes take the sink's distance, which keeps every reduced cost ≥ 0), then as
// many augmentations as fit along zero-reduced-cost paths before the next Dijkstra. Costs must be non-negative
// integers (exact in doubles below 2^53). At the end, the potentials certify optimality: every residual arc has a
// reduced cost ≥ 0 (no negative cycle), and they price arcs left out of the network (see solve-flow.ts).

export class FlowNetwork {
  readonly n: number
  #to: number[] = []
  #cap: number[] = []
  #cost: number[] = []
  #from: number[] = []
  to!: Int32Array
  cap!: Float64Array
  cost!: Float64Array
  adjStart!: Int32Array
  adj!: Int32Array
  pot: Float64Array

  constructor(n: number) {
    this.n = n
    this.pot = new Float64Array(n)
  }

  /** Adds an arc and its residual twin; returns the arc's index (its twin is index ^ 1). */
  addArc(u: number, v: number, cap: number, cost: number): number {
    const id = this.#to.length
    this.#from.push(u, v)
    this.#to.push(v, u)
    this.#cap.push(cap, 0)
    this.#cost.push(cost, -cost)
    return id
  }

  /** Freezes the arcs into arrays (call once, after the last addArc). */
  seal(): void {
    const m = this.#to.length
    this.to = Int32Array.from(this.#to)
    this.cap = Float64Array.from(this.#cap)
    this.cost = Float64Array.from(this.#cost)
    this.adjStart = new Int32Array(this.n + 1)
    for (const u of this.#from) this.adjStart[u + 1]! += 1
    for (let u = 0; u < this.n; u++) this.adjStart[u + 1]! += this.adjStart[u]!
    const fill = this.adjStart.slice(0, this.n)
    this.adj = new Int32Array(m)
    for (let i = 0; i < m; i++) this.adj[fill[this.#from[i]!]!++] = i
    this.#to = this.#cap = this.#cost = this.#from = []
  }

  /** Sends up to `limit` units from s to t at least cost; returns the units sent. */
  run(s: number, t: number, limit: number, onPhase?: (sent: number) => void): number {
    const { n, to, cap, cost, adjStart, adj, pot } = this
    const dist = new Float64Array(n)
    const done = new Uint8Array(n)
    const heapKey = new Float64Array(adj.length + 1)
    const heapNode = new Int32Array(adj.length + 1)
    const arcPtr = new Int32Array(n)
    const onPath = new Uint8Array(n)
    const pathArc = new Int32Array(n + 1)
    const parent = new Int32Array(n)
    let sent = 0
    while (sent < limit) {
      // Dijkstra on reduced costs, stopped once t is settled.
      dist.fill(Number.POSITIVE_INFINITY)
      done.fill(0)
      dist[s] = 0
      let size = 0
      const push = (key: number, node: number) => {
        let i = size++
        while (i > 0) {
          const p = (i - 1) >> 1
          if (heapKey[p]! <= key) break
          heapKey[i] = heapKey[p]!
          heapNode[i] = heapNode[p]!
          i = p
        }
        heapKey[i] = key
        heapNode[i] = node
      }
      const pop = (): number => {
        const top = heapNode[0]!
        const key = heapKey[--size]!
        const node = heapNode[size]!
        let i = 0
        for (;;) {
          let c = 2 * i + 1
          if (c >= size) break
          if (c + 1 < size && heapKey[c + 1]! < heapKey[c]!) c++
          if (heapKey[c]! >= key) break
          heapKey[i] = heapKey[c]!
          heapNode[i] = heapNode[c]!
          i = c
        }
        heapKey[i] = key
        heapNode[i] = node
        return top
      }
      push(0, s)
      while (size > 0) {
        const key = heapKey[0]!
        const u = pop()
        if (done[u] || key > dist[u]!) continue
        done[u] = 1
        if (u === t) break
        const du = dist[u]! + pot[u]!
        for (let k = adjStart[u]!; k < adjStart[u + 1]!; k++) {
          const arc = adj[k]!
          if (cap[arc]! <= 0) continue
          const v = to[arc]!
          if (done[v]) continue
          const nd = du + cost[arc]! - pot[v]!
          if (nd < dist[v]!) {
            dist[v] = nd
            parent[v] = arc
            push(nd, v)
          }
        }
      }
      if (!done[t]) break
      const dt = dist[t]!
      for (let v = 0; v < n; v++) pot[v]! += done[v] ? dist[v]! : dt
      // First the shortest path Dijkstra found, then any other zero-reduced-cost path (iterative DFS with current-arc
      // pointers; an arc into the current path is skipped for this phase, which may leave a path to the next one).
      let bottleneck0 = limit - sent
      for (let v = t; v !== s; v = to[parent[v]! ^ 1]!) bottleneck0 = Math.min(bottleneck0, cap[parent[v]!]!)
      for (let v = t; v !== s; v = to[parent[v]! ^ 1]!) {
        cap[parent[v]!]! -= bottleneck0
        cap[parent[v]! ^ 1]! += bottleneck0
      }
      sent += bottleneck0
      for (let v = 0; v < n; v++) arcPtr[v] = adjStart[v]!
      while (sent < limit) {
        let depth = 0
        let u = s
        onPath[s] = 1
        let found = false
        while (true) {
          if (u === t) {
            found = true
            break
          }
          let advanced = false
          for (; arcPtr[u]! < adjStart[u + 1]!; arcPtr[u]!++) {
            const arc = adj[arcPtr[u]!]!
            const v = to[arc]!
            if (cap[arc]! > 0 && !onPath[v] && cost[arc]! + pot[u]! - pot[v]! === 0) {
              pathArc[depth++] = arc
              onPath[v] = 1
              u = v
              advanced = true
              break
            }
          }
          if (advanced) continue
          // Dead end: retreat.
          onPath[u] = 0
          if (depth === 0) break
          const back = pathArc[--depth]!
          u = to[back ^ 1]!
          arcPtr[u]!++
        }
        if (!found) {
          onPath[s] = 0
          break
        }
        let bottleneck = limit - sent
        for (let i = 0; i < depth; i++) bottleneck = Math.min(bottleneck, cap[pathArc[i]!]!)
        for (let i = 0; i < depth; i++) {
          const arc = pathArc[i]!
          cap[arc]! -= bottleneck
          cap[arc ^ 1]! += bottleneck
          onPath[to[arc]!] = 0
        }
        onPath[s] = 0
        sent += bottleneck
      }
      onPhase?.(sent)
    }
    return sent
  }
}
