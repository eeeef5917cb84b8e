/**
 * Demo supply side of SecurIT, split by responsibility: shared types, organisations by region, the demo
 * SME account's profile and solutions, and solutions by the owning organisation's country. The order of
 * `demoOrganisations` and `demoSolutions` is the order the seed inserts them in.
 */
import { demoSmeProfile, demoSmeSolutions } from './demo-sme.ts'
import { centralSouthernOrganisations } from './organisations-central-south.ts'
import { northEasternOrganisations } from './organisations-north-east.ts'
import { westernOrganisations } from './organisations-west.ts'
import { eeFiSeAtIeCzGrSolutions } from './solutions-ee-fi-se-at-ie-cz-gr.ts'
import { esItSolutions } from './solutions-es-it.ts'
import { frBeSolutions } from './solutions-fr-be.ts'
import { ltDkPlPtSolutions } from './solutions-lt-dk-pl-pt.ts'
import { moreSolutions } from './solutions-more.ts'
import { nlDeSolutions } from './solutions-nl-de.ts'
import type { SeedOrganisation, SeedSolution } from './types.ts'

export {
  type SeedOrganisation,
  type SeedRelation,
  type SeedReview,
  type SeedSolution,
  SUPPLY_DEMO_NOTE,
  type TagRef,
} from './types.ts'
export { demoSmeProfile }

export const demoOrganisations: SeedOrganisation[] = [
  ...westernOrganisations,
  ...centralSouthernOrganisations,
  ...northEasternOrganisations,
]

export const demoSolutions: SeedSolution[] = [
  ...demoSmeSolutions,
  ...frBeSolutions,
  ...nlDeSolutions,
  ...esItSolutions,
  ...ltDkPlPtSolutions,
  ...eeFiSeAtIeCzGrSolutions,
  ...moreSolutions,
]
