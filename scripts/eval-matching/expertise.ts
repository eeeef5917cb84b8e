/**
 * The reviewer-expertise gold standard (../shared/data/reviewer-assignment/goldstandard-expertise, Stelmakh et al.):
 * each reviewer's profile (the titles and abstracts of their own papers) is a query over the submissions, and the
 * scores are compared with the expertise each reviewer declared for up to ten papers. Metrics, lower is better:
 * the share of wrongly ordered pairs of a reviewer's rated papers (ties count ½), and the same weighted by the
 * difference of declared expertise.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { MatchIndex, search, UnstemmedBm25, WordOverlap } from '../../server/modules/matchmaking/engine/index.ts'

export interface ExpertiseResult {
  pairs: number
  ours: PairLoss
  baselines: { wordOverlap: PairLoss; bm25NoStemming: PairLoss }
  ablations: { oursNoBackgroundNoCoverage: PairLoss }
  ms: number
}

interface PairLoss {
  discordant: number
  weighted: number
}

type Scores = (profile: string) => Map<string, number>

function jsonl(path: string): Record<string, string>[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Record<string, string>)
}

const textOf = (o: Record<string, string>) => `${o.title ?? ''}. ${o.abstract ?? ''}`

export function evaluateExpertise(dir: string): ExpertiseResult {
  const started = performance.now()
  const base = join(dir, 'goldstandard-expertise')
  const papers = jsonl(join(base, 'submissions_d_20_1.jsonl')).map((o) => ({ id: o.paperId!, text: textOf(o) }))
  const profiles = new Map<string, string[]>()
  for (const o of jsonl(join(base, 'reviewer_profiles_d_20_1.jsonl'))) {
    const list = profiles.get(o.reviewerId!) ?? []
    list.push(textOf(o))
    profiles.set(o.reviewerId!, list)
  }
  const [header, ...rows] = readFileSync(join(base, 'evaluations.tsv'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => l.split('\t'))
  const col = (name: string) => header!.indexOf(name)
  const ratings = rows.map((r) => ({
    reviewer: r[col('ParticipantID')]!,
    rated: Array.from({ length: 10 }, (_, i) => ({
      paper: r[col(`Paper${i + 1}`)]?.trim() ?? '',
      expertise: (r[col(`Expertise${i + 1}`)] ?? '').trim(),
    }))
      .filter((x) => x.paper !== '' && x.expertise !== '' && Number.isFinite(Number(x.expertise)))
      .map((x) => ({ paper: x.paper, expertise: Number(x.expertise) })),
  }))

  const all = papers.length
  const engine = (longQuery: boolean): Scores => {
    const index = new MatchIndex({ keepSource: false })
    for (const p of papers) index.upsert(p)
    if (longQuery) index.learnBackground([...profiles.values()].map((t) => ({ text: t.join('\n') })))
    return (profile) =>
      new Map(
        search(index, { text: profile }, { k: all, coverage: longQuery ? undefined : 0 }).map((r) => [r.id, r.score]),
      )
  }
  const overlap = new WordOverlap(papers)
  const bm25 = new UnstemmedBm25(papers)
  const loss = (scores: Scores): PairLoss & { pairs: number } => {
    let n = 0
    let wrong = 0
    let weightedWrong = 0
    let weights = 0
    for (const { reviewer, rated } of ratings) {
      const s = scores((profiles.get(reviewer) ?? []).join('\n'))
      for (let i = 0; i < rated.length; i++)
        for (let j = i + 1; j < rated.length; j++) {
          const a = rated[i]!
          const b = rated[j]!
          if (a.expertise === b.expertise) continue
          const sa = s.get(a.paper) ?? 0
          const sb = s.get(b.paper) ?? 0
          const l = sa === sb ? 0.5 : a.expertise > b.expertise !== sa > sb ? 1 : 0
          const w = Math.abs(a.expertise - b.expertise)
          n++
          wrong += l
          weightedWrong += l * w
          weights += w
        }
    }
    const r = (x: number) => Math.round(x * 1000) / 1000
    return { pairs: n, discordant: r(wrong / n), weighted: r(weightedWrong / weights) }
  }
  const strip = ({ discordant, weighted }: PairLoss) => ({ discordant, weighted })
  const ours = loss(engine(true))
  return {
    pairs: ours.pairs,
    ours: strip(ours),
    baselines: {
      wordOverlap: strip(loss((t) => new Map(overlap.rank(t, all).map((r) => [r.id, r.score])))),
      bm25NoStemming: strip(loss((t) => new Map(bm25.rank(t, all).map((r) => [r.id, r.score])))),
    },
    ablations: { oursNoBackgroundNoCoverage: strip(loss(engine(false))) },
    ms: Math.round(performance.now() - started),
  }
}
