// Assignment without panel rules (k per application, load bounds, conflicts, locks, excluded countries): a
// min-cost flow, exact because the constraint matrix is totally unimodular.
//   source → application a   capacity need[a]
//   application → expert     capacity 1, cost C − affinity (C = largest affinity: every cost ≥ 0, same optimum since
//                            every unit crosses exactly one such arc)
//   expert → super-sink      capacity minLoad[e]       expert → sink   capacity maxLoad[e] − minLoad[e]
//   sink → super-sink        capacity demand − Σ minLoad
// A flow of value `demand` is an assignment meeting every load bound; its cost is least when its potentials leave no
// residual arc with a negative reduced cost. The arcs of pruned pairs are priced with the same potentials: none
// negative proves the flow optimal over all pairs; otherwise they join the network and it is solved again.
import { DomainError } from '../../../platform/errors.ts'
import { addCandidates, type Candidates, candidateCount, pricePruned } from './candidates.ts'
import { FlowNetwork } from './flow.ts'
import type { Problem } from './problem.ts'
import type { AssignmentProgress } from './types.ts'

export interface SolvedPairs {
  /** Free pairs chosen (locks not included). */
  pairs: { a: number; e: number }[]
  /** Scaled total affinity of the free pairs, and the scaled upper bound on it. */
  cost: number
  bound: number
  rounds: number
  modelledPairs: number
  mipGap: number
  optimal: boolean
}

export function solveFlow(
  pb: Problem,
  cand: Candidates,
  pruned: boolean,
  enlarge: () => boolean,
  progress: (p: Omit<AssignmentProgress, 'elapsedMs'>) => void,
): SolvedPairs {
  const { A, E } = pb
  const C = pb.affinity.maxCost
  for (let round = 1; ; round++) {
    const net = new FlowNetwork(A + E + 3)
    const s = 0
    const t = A + E + 1
    const sink = A + E + 2
    for (let a = 0; a < A; a++) if (pb.need[a]! > 0) net.addArc(s, 1 + a, pb.need[a]!, 0)
    const arcOf: number[][] = []
    for (let a = 0; a < A; a++) {
      const list = cand[a]!
      const arcs: number[] = []
      const af = pb.affinity
      let p = af.entStart[a]!
      for (const e of list) {
        while (p < af.entStart[a + 1]! && af.entExpert[p]! < e) p++
        const c = p < af.entStart[a + 1]! && af.entExpert[p] === e ? af.entCost[p]! : af.defaultCost
        arcs.push(net.addArc(1 + a, 1 + A + e, 1, C - c))
      }
      arcOf.push(arcs)
    }
    let minimum = 0
    for (let e = 0; e < E; e++) {
      const lo = pb.minLoad[e]!
      minimum += lo
      if (lo > 0) net.addArc(1 + A + e, sink, lo, 0)
      if (pb.maxLoad[e]! > lo) net.addArc(1 + A + e, t, pb.maxLoad[e]! - lo, 0)
    }
    net.addArc(t, sink, pb.demand - minimum, 0)
    net.seal()
    const modelledPairs = candidateCount(cand)
    progress({ phase: 'flow', assigned: 0, demand: pb.demand, modelledPairs })
    let last = 0
    const sent = net.run(s, sink, pb.demand, (units) => {
      if (units - last >= Math.max(1, pb.demand / 20)) {
        last = units
        progress({ phase: 'flow', assigned: units, demand: pb.demand })
      }
    })
    if (sent < pb.demand) {
      if (pruned && enlarge()) continue
      throw new DomainError('assignment_infeasible', 'No assignment meets every need and load bound.', {
        demand: pb.demand,
        assignable: sent,
      })
    }
    // Price the pairs left out with the potentials.
    // Gain of a pair left out = minus its reduced cost; whole numbers, so a gain above 0.5 is a negative cycle.
    const violators: { a: number; e: number; g: number }[] = []
    if (pruned) {
      progress({ phase: 'price', modelledPairs })
      const pot = net.pot
      const expertTerm = Float64Array.from({ length: E }, (_, e) => -pot[1 + A + e]!)
      pricePruned(
        pb,
        cand,
        0.5,
        (a, e, c) => c - C - pot[1 + a]! + pot[1 + A + e]!,
        (a) => pb.affinity.defaultCost - C - pot[1 + a]!,
        expertTerm,
        (a, e, g) => violators.push({ a, e, g }),
      )
    }
    if (violators.length > 0) {
      addCandidates(cand, violators)
      continue
    }
    const pairs: { a: number; e: number }[] = []
    let cost = 0
    for (let a = 0; a < A; a++) {
      const list = cand[a]!
      const arcs = arcOf[a]!
      for (let i = 0; i < list.length; i++)
        if (net.cap[arcs[i]!] === 0) {
          pairs.push({ a, e: list[i]! })
          cost += C - net.cost[arcs[i]!]!
        }
    }
    return { pairs, cost, bound: cost, rounds: round, modelledPairs, mipGap: 0, optimal: true }
  }
}
