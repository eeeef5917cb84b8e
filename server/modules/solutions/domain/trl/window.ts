import type { TrlWindow } from '../../../../../shared/contracts/trl.ts'

/**
 * The programme's TRL window: SecurIT looks for solutions at TRL 5–8 (DOMAIN.md §1.1, §1.5), i.e. ready
 * to be validated in a relevant environment and not yet proven in routine operation. A programme-level
 * constant until programmes carry their own window; challenges have their own range (trl_min–trl_max).
 */
export const programmeTrlWindow: TrlWindow = Object.freeze({ min: 5, max: 8 })
