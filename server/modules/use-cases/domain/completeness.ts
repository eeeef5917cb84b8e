import type { UseCaseContent } from '../../../../shared/contracts/use-cases.ts'

export interface Missing {
  path: string
  code: 'required'
  message: string
}

/** What a use case must say before staff review it (drafts may be incomplete). */
export function missingForSubmission(uc: {
  domain_id: string | null
  trl_min: number | null
  trl_max: number | null
  content: Partial<UseCaseContent>
}): Missing[] {
  const out: Missing[] = []
  const need = (ok: boolean, path: string, message: string) => {
    if (!ok) out.push({ path, code: 'required', message })
  }
  need(uc.domain_id !== null, 'domainId', 'Choose a domain.')
  need(Boolean(uc.content.contextAndThreat?.trim()), 'content.contextAndThreat', 'Describe the context and threat.')
  need(Boolean(uc.content.problemStatement?.trim()), 'content.problemStatement', 'State the problem.')
  need(uc.trl_min !== null && uc.trl_max !== null, 'trlMax', 'Give the expected TRL range.')
  return out
}
