import { Select } from '@mantine/core'
import { useMutation } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import type { Application } from '../../../../shared/contracts/applications.ts'
import type { Call } from '../../../../shared/contracts/calls.ts'
import { localized } from '../../../design-system/format.ts'
import { useErrorMessage } from '../../../design-system/forms.tsx'
import { applicationsApi } from '../client.ts'
import { usePutApplication } from './useAnswersDraft.ts'

/** The challenge the application answers, among the call's; saved at once. */
export function ChallengePicker({ app, call, readOnly }: { app: Application; call: Call; readOnly: boolean }) {
  const { t, i18n } = useTranslation()
  const message = useErrorMessage()
  const put = usePutApplication(app.id)
  const save = useMutation({
    mutationFn: async (challengeId: string | null) => {
      const latest = await applicationsApi.get(app.id)
      return applicationsApi.saveAnswers(app.id, { baseVersion: latest.version, changes: {}, challengeId })
    },
    onSuccess: put,
  })
  if (call.challenges.length === 0) return null
  const trl = (min: number | null, max: number | null) =>
    min !== null || max !== null ? ` · TRL ${min ?? 1}–${max ?? 9}` : ''
  return (
    <Select
      id="application-challenge"
      label={t('applications.new.challenge')}
      description={t('applications.editor.challengeHelp')}
      required
      data={call.challenges.map((c) => ({
        value: c.id,
        label: `${localized(c.title, i18n.language)}${trl(c.trlMin, c.trlMax)}`,
      }))}
      value={save.variables !== undefined && save.isPending ? save.variables : app.challengeId}
      onChange={(v) => save.mutate(v)}
      readOnly={readOnly}
      allowDeselect={false}
      searchable
      nothingFoundMessage={t('common.noMatch')}
      error={save.error ? message(save.error) : null}
    />
  )
}
