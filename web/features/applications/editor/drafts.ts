import type {
  Answers,
  Application,
  ApplicationPartner,
  PartnerPart,
} from '../../../../shared/contracts/applications.ts'

/**
 * The pure rules of the editor's drafts, free of React: which copy of the application to build the
 * screen on, when a newer copy from the server may become the base of the next save, and what
 * others changed meanwhile.
 *
 * Right after a save the hook holds the server's answer (a ref) one tick before the query cache hands
 * the same copy down as a prop: building the screen on the prop then showed the older value for that
 * tick, and a keystroke typed in it was built on that older value and lost the saved text. The screen
 * is therefore built on the newer of the two.
 */

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null)

/** The newer of two copies of the application (by version; the first one on a tie). */
export function newerApplication<T extends Pick<Application, 'version'>>(a: T, b: T | undefined | null): T {
  return b && b.version > a.version ? b : a
}

/** The newer of two copies of a partner (by part version), when they are the same partner. */
export function newerPartner<T extends Pick<ApplicationPartner, 'id' | 'partVersion'>>(
  a: T,
  b: T | undefined | null,
): T {
  return b && b.id === a.id && b.partVersion > a.partVersion ? b : a
}

/** The shared answers on screen: the server's copy with the values not yet acknowledged over it. */
export function answersOnScreen(server: Answers, pending: Answers): Answers {
  return { ...server, ...pending }
}

/** A partner's part on screen: the server's copy with the fields not yet acknowledged over it. */
export function partOnScreen(server: PartnerPart, pending: Partial<PartnerPart>): PartnerPart {
  return { ...server, ...pending }
}

/**
 * May a newer copy of the application become the base of the next save of the shared answers? Only
 * when nobody changed, after the current base, an answer the person has pending: otherwise the base
 * stays, so that the next save meets that change as a conflict (409) and the person decides.
 */
export function canRebaseAnswers(
  base: Pick<Application, 'version'>,
  next: Pick<Application, 'version' | 'answerMeta'>,
  pendingKeys: readonly string[],
): boolean {
  if (next.version < base.version) return false
  return pendingKeys.every((k) => (next.answerMeta[k]?.version ?? 0) <= base.version)
}

/**
 * The same for a partner's part (versioned as a whole, saved field by field): a newer part may become
 * the base when the fields the person has pending are unchanged in it.
 */
export function canRebasePart(
  base: Pick<ApplicationPartner, 'id' | 'partVersion' | 'part'>,
  next: Pick<ApplicationPartner, 'id' | 'partVersion' | 'part'>,
  pendingKeys: readonly (keyof PartnerPart)[],
): boolean {
  if (next.id !== base.id) return true
  if (next.partVersion < base.partVersion) return false
  return pendingKeys.every((k) => same(base.part[k], next.part[k]))
}

/** Shared answers someone changed between two copies: the questions and who changed them. */
export function editsBetween(
  before: Pick<Application, 'version'>,
  after: Pick<Application, 'version' | 'answerMeta'>,
): { questionIds: string[]; names: string[] } {
  if (after.version <= before.version) return { questionIds: [], names: [] }
  const questionIds = Object.entries(after.answerMeta)
    .filter(([, m]) => m.version > before.version)
    .map(([q]) => q)
  const names = [...new Set(questionIds.map((q) => after.answerMeta[q]?.by).filter((n): n is string => Boolean(n)))]
  return { questionIds, names }
}

/**
 * The fields of a refused part save (409, the part moved on) that are real conflicts: those someone
 * else changed since the base, to another value than the one sent. Fields nobody else touched are
 * simply sent again on the newer part (the server changes only the fields sent).
 */
export function partConflicts(
  base: PartnerPart | null | undefined,
  current: PartnerPart,
  sent: Partial<PartnerPart>,
): (keyof PartnerPart)[] {
  return (Object.keys(sent) as (keyof PartnerPart)[]).filter(
    (k) => !same(current[k], sent[k]) && !(base && same(current[k], base[k])),
  )
}
