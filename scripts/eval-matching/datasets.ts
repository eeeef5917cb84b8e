/**
 * The real-data sets the matching evaluation recognises in a `--data` folder, read from their CSV
 * files where they are (never copied into the repository):
 *  - cordis-security-research: each H2020 Secure Societies project's objective (or, with
 *    `--projects fp7`, each FP7-SECURITY project's) is a query over the security topic catalogue;
 *    the project's topic code is the answer. A topic's text: its title, its call's title, its call area.
 *  - horizon-europe-topics: each Horizon Europe Cluster 3 project, described by its EuroSciVoc fields
 *    of science (the folder has no abstracts), is a query over the whole HE topic catalogue.
 * Each set has one hard constraint a real user knows: the framework programme (H2020 topics for an
 * H2020 project) or the cluster; `--no-constraints` drops it.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { FieldSpec } from '../../server/modules/matchmaking/engine/index.ts'
import { csvRecords } from '../../server/seed/taxonomies/csv.ts'

export interface EvalDoc {
  id: string
  fields: Record<string, string>
  type: string | null
}

export interface EvalQuery {
  id: string
  text: string
  relevant: Set<string>
  /** The constraint: only documents of this type can be the answer. */
  type: string | null
}

export interface EvalSet {
  name: string
  description: string
  fields: Record<string, FieldSpec>
  docs: EvalDoc[]
  queries: EvalQuery[]
  skipped: number
}

function csv(dir: string, file: string): Record<string, string>[] {
  return csvRecords(readFileSync(join(dir, file), 'utf8'))
}

export function recognise(dir: string): 'cordis' | 'horizon' | 'expertise' | null {
  if (existsSync(join(dir, 'security_topics.csv'))) return 'cordis'
  if (existsSync(join(dir, 'he_topics_catalogue.csv'))) return 'horizon'
  if (existsSync(join(dir, 'goldstandard-expertise', 'evaluations.tsv'))) return 'expertise'
  return null
}

export function cordisSet(dir: string, projects: 'h2020' | 'fp7'): EvalSet {
  const topics = csv(dir, 'security_topics.csv')
  const docs: EvalDoc[] = topics.map((t) => ({
    id: t.topicCode!,
    fields: { title: t.topicTitle ?? '', call: t.callTitle ?? '', area: t.callArea ?? '' },
    type: t.frameworkProgramme || null,
  }))
  const codes = new Set(docs.map((d) => d.id))
  const rows = csv(dir, projects === 'h2020' ? 'h2020_sc7_projects.csv' : 'fp7_security_projects.csv')
  const queries: EvalQuery[] = []
  let skipped = 0
  for (const p of rows) {
    const relevant = new Set(
      (p.topics ?? '')
        .split(';')
        .map((c) => c.trim())
        .filter((c) => codes.has(c)),
    )
    const text = (p.objective ?? '').trim()
    if (relevant.size === 0 || text === '') {
      skipped++
      continue
    }
    queries.push({ id: p.id!, text, relevant, type: p.frameworkProgramme || null })
  }
  return {
    name: `cordis-security-research/${projects}`,
    description: `${projects.toUpperCase()} project objectives → security_topics.csv (title, call title, call area)`,
    fields: { title: { weight: 2 }, call: { weight: 1 }, area: { weight: 1 } },
    docs,
    queries,
    skipped,
  }
}

export function horizonSet(dir: string): EvalSet {
  const catalogue = csv(dir, 'he_topics_catalogue.csv')
  const docs: EvalDoc[] = catalogue.map((t) => ({
    id: t.topicCode!,
    fields: { title: t.topicTitle ?? '' },
    type: t.cluster || null,
  }))
  const codes = new Set(docs.map((d) => d.id))
  const fieldsOf = new Map<string, string[]>()
  for (const r of csv(dir, 'he_cl3_project_euroscivoc.csv')) {
    const list = fieldsOf.get(r.projectID!) ?? []
    list.push((r.euroSciVocPath ?? '').split('/').filter(Boolean).join(', '))
    fieldsOf.set(r.projectID!, list)
  }
  const byProject = new Map<string, Set<string>>()
  for (const r of csv(dir, 'he_cl3_project_topics.csv')) {
    const set = byProject.get(r.projectID!) ?? new Set()
    if (codes.has(r.topic!)) set.add(r.topic!)
    byProject.set(r.projectID!, set)
  }
  const queries: EvalQuery[] = []
  let skipped = 0
  for (const [id, relevant] of byProject) {
    const fields = fieldsOf.get(id)
    if (!fields?.length || relevant.size === 0) {
      skipped++
      continue
    }
    queries.push({ id, text: fields.join('; '), relevant, type: 'CL3' })
  }
  return {
    name: 'horizon-europe-topics/cl3',
    description: 'HE Cluster 3 projects (EuroSciVoc paths) → he_topics_catalogue.csv (titles)',
    fields: { title: { weight: 1 } },
    docs,
    queries,
    skipped,
  }
}
