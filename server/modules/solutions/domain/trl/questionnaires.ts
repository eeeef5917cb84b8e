import type { SolutionType, TrlDimension, TrlQuestionnaire } from '../../../../../shared/contracts/trl.ts'

/**
 * The TRL questionnaires, one per solution type, written for Cascade from DOMAIN.md §4:
 *  - the level headlines are the EC definitions (H2020 General Annex G, §4.1);
 *  - hardware and software criteria follow the evidence-oriented NASA descriptions, including the
 *    software column (component → end-to-end software interfaced with existing systems → prototype
 *    with realistic data → operational use), §4.2;
 *  - services are described by their blueprint, the people who deliver them and the customer who receives them;
 *  - data sets and models follow the maturity checklists used for datasets and models (curation,
 *    validation against reference data, provenance, use in operations), §4.3;
 *  - methodologies (procedures, training, doctrine) climb EPRI's non-hardware ladder: table-top
 *    exercise (4) → advanced exercise (5) → pilot at a user (6) → initial operational use (7) → full
 *    operational use (8) → adoption across the sector (9), §4.2.
 * Per level the criteria ask what exists (artefact), where it ran (environment), who operated it,
 * whether results were documented against predictions, whether it is qualified or certified, whether it
 * is in routine paid use (§4.4).
 *
 * A criterion's id is stable: answers are stored by id. Changing what a criterion asks means a new id and
 * a new `questionnaireVersion`; assessments keep the version they were answered with.
 * Texts: i18n keys `trl.criteria.<id>.text` and `trl.criteria.<id>.help`.
 */
export const questionnaireVersion = 1

type Spec = [level: number, id: string, dimension: TrlDimension][]

const hardware: Spec = [
  [1, 'hw-1-principles', 'basis'],
  [2, 'hw-2-concept', 'concept'],
  [2, 'hw-2-analysis', 'results'],
  [3, 'hw-3-poc', 'artefact'],
  [3, 'hw-3-measured', 'results'],
  [4, 'hw-4-breadboard', 'artefact'],
  [4, 'hw-4-lab', 'environment'],
  [4, 'hw-4-predictions', 'results'],
  [5, 'hw-5-brassboard', 'artefact'],
  [5, 'hw-5-relevant', 'environment'],
  [5, 'hw-5-results', 'results'],
  [6, 'hw-6-prototype', 'artefact'],
  [6, 'hw-6-demo', 'environment'],
  [6, 'hw-6-report', 'results'],
  [7, 'hw-7-operational', 'environment'],
  [7, 'hw-7-enduser', 'operator'],
  [7, 'hw-7-results', 'results'],
  [8, 'hw-8-final', 'artefact'],
  [8, 'hw-8-qualified', 'qualification'],
  [8, 'hw-8-docs', 'documentation'],
  [9, 'hw-9-operations', 'environment'],
  [9, 'hw-9-paid', 'use'],
  [9, 'hw-9-production', 'use'],
]

const software: Spec = [
  [1, 'sw-1-principles', 'basis'],
  [2, 'sw-2-concept', 'concept'],
  [2, 'sw-2-analysis', 'results'],
  [3, 'sw-3-poc', 'artefact'],
  [3, 'sw-3-predictions', 'results'],
  [4, 'sw-4-components', 'artefact'],
  [4, 'sw-4-tests', 'results'],
  [4, 'sw-4-environment', 'environment'],
  [5, 'sw-5-endtoend', 'artefact'],
  [5, 'sw-5-relevant', 'environment'],
  [5, 'sw-5-results', 'results'],
  [6, 'sw-6-prototype', 'artefact'],
  [6, 'sw-6-demo', 'environment'],
  [6, 'sw-6-security', 'qualification'],
  [7, 'sw-7-operational', 'environment'],
  [7, 'sw-7-enduser', 'operator'],
  [7, 'sw-7-results', 'results'],
  [8, 'sw-8-final', 'documentation'],
  [8, 'sw-8-qualified', 'qualification'],
  [8, 'sw-8-support', 'use'],
  [9, 'sw-9-operations', 'environment'],
  [9, 'sw-9-paid', 'use'],
  [9, 'sw-9-maintained', 'use'],
]

const service: Spec = [
  [1, 'sv-1-principles', 'basis'],
  [2, 'sv-2-concept', 'concept'],
  [2, 'sv-2-analysis', 'results'],
  [3, 'sv-3-poc', 'artefact'],
  [3, 'sv-3-feedback', 'results'],
  [4, 'sv-4-blueprint', 'artefact'],
  [4, 'sv-4-internal', 'environment'],
  [4, 'sv-4-kpis', 'results'],
  [5, 'sv-5-relevant', 'environment'],
  [5, 'sv-5-tools', 'artefact'],
  [5, 'sv-5-results', 'results'],
  [6, 'sv-6-complete', 'artefact'],
  [6, 'sv-6-staff', 'operator'],
  [6, 'sv-6-report', 'results'],
  [7, 'sv-7-pilot', 'environment'],
  [7, 'sv-7-enduser', 'operator'],
  [7, 'sv-7-results', 'results'],
  [8, 'sv-8-offer', 'documentation'],
  [8, 'sv-8-qualified', 'qualification'],
  [8, 'sv-8-repeatable', 'operator'],
  [9, 'sv-9-routine', 'environment'],
  [9, 'sv-9-paid', 'use'],
  [9, 'sv-9-several', 'use'],
]

const dataModel: Spec = [
  [1, 'dm-1-question', 'basis'],
  [2, 'dm-2-spec', 'concept'],
  [2, 'dm-2-sources', 'concept'],
  [3, 'dm-3-sample', 'artefact'],
  [3, 'dm-3-compare', 'results'],
  [4, 'dm-4-curated', 'artefact'],
  [4, 'dm-4-validated', 'results'],
  [4, 'dm-4-card', 'documentation'],
  [5, 'dm-5-relevant', 'environment'],
  [5, 'dm-5-interfaces', 'artefact'],
  [5, 'dm-5-results', 'results'],
  [6, 'dm-6-complete', 'artefact'],
  [6, 'dm-6-provenance', 'qualification'],
  [6, 'dm-6-report', 'results'],
  [7, 'dm-7-operational', 'environment'],
  [7, 'dm-7-feedback', 'operator'],
  [7, 'dm-7-protection', 'qualification'],
  [8, 'dm-8-release', 'documentation'],
  [8, 'dm-8-qualified', 'qualification'],
  [8, 'dm-8-monitoring', 'use'],
  [9, 'dm-9-routine', 'environment'],
  [9, 'dm-9-paid', 'use'],
  [9, 'dm-9-record', 'results'],
]

const methodology: Spec = [
  [1, 'me-1-basis', 'basis'],
  [2, 'me-2-concept', 'concept'],
  [2, 'me-2-practitioners', 'results'],
  [3, 'me-3-case', 'artefact'],
  [3, 'me-3-results', 'results'],
  [4, 'me-4-tabletop', 'environment'],
  [4, 'me-4-material', 'artefact'],
  [4, 'me-4-lessons', 'results'],
  [5, 'me-5-exercise', 'environment'],
  [5, 'me-5-practitioners', 'operator'],
  [5, 'me-5-results', 'results'],
  [6, 'me-6-pilot', 'environment'],
  [6, 'me-6-material', 'artefact'],
  [6, 'me-6-report', 'results'],
  [7, 'me-7-initial', 'environment'],
  [7, 'me-7-own-staff', 'operator'],
  [7, 'me-7-results', 'results'],
  [8, 'me-8-embedded', 'use'],
  [8, 'me-8-approved', 'qualification'],
  [8, 'me-8-transfer', 'documentation'],
  [9, 'me-9-adoption', 'use'],
  [9, 'me-9-paid', 'use'],
  [9, 'me-9-record', 'results'],
]

function build(type: SolutionType, spec: Spec): TrlQuestionnaire {
  const levels = Array.from({ length: 9 }, (_, i) => ({
    level: i + 1,
    criteria: spec.filter(([l]) => l === i + 1).map(([, id, dimension]) => ({ id, dimension })),
  }))
  return { type, version: questionnaireVersion, levels }
}

export const questionnaires: Record<SolutionType, TrlQuestionnaire> = {
  hardware: build('hardware', hardware),
  software: build('software', software),
  service: build('service', service),
  data_model: build('data_model', dataModel),
  methodology: build('methodology', methodology),
}

/** The questionnaire for a solution type (the current version). */
export function questionnaireFor(type: SolutionType): TrlQuestionnaire {
  return questionnaires[type]
}

/** Every criterion id of every questionnaire (for the translation check). */
export function allCriterionIds(): string[] {
  return Object.values(questionnaires).flatMap((q) => q.levels.flatMap((l) => l.criteria.map((c) => c.id)))
}
