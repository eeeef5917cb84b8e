import type { TrlWindow } from '../../../../../shared/contracts/trl.ts'

/**
 * The TRL window a programme falls back on while none of its calls is published: SecurIT's 5–8
 * (DOMAIN.md §1.1, §1.5), i.e. ready to be validated in a relevant environment and not yet proven in
 * routine operation — also the default of a new call's configuration (shared/calls/presets.ts).
 *
 * Which window a badge uses (queries/trl-window.ts): where a call is in context, that call's configured
 * window (`config.trl`); elsewhere the programme's, the window of its latest published call, else this
 * one. Challenges have their own range (trl_min–trl_max).
 */
export const defaultTrlWindow: TrlWindow = Object.freeze({ min: 5, max: 8 })
