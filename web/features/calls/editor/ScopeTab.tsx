import { Alert, Checkbox, Fieldset, Group, Select, SimpleGrid, Skeleton, Stack, Text } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import type { Call } from '../../../../shared/contracts/calls.ts'
import { ErrorAlert } from '../../../design-system/forms.tsx'
import { callKeys, callsApi } from '../api.ts'
import { type CallForm, errorAt, setField } from './fields.tsx'

const trlOptions = Array.from({ length: 9 }, (_, i) => ({ value: String(i + 1), label: `TRL ${i + 1}` }))

interface ChallengeOption {
  id: string
  code: string
  title: string
  trlMin: number | null
  trlMax: number | null
}

/** The TRL window of the call and the published challenges it is open to. */
export function ScopeTab({ form, call }: { form: CallForm; call: Call | undefined }) {
  const { t, i18n } = useTranslation()
  const challenges = useQuery({ queryKey: callKeys.challenges, queryFn: callsApi.challenges, staleTime: 60_000 })
  const { trl } = form.values.config
  const chosen = form.values.challengeIds
  const options: ChallengeOption[] = (challenges.data?.items ?? []).map((c) => ({
    id: c.id,
    code: c.code,
    title: c.title,
    trlMin: c.trlMin,
    trlMax: c.trlMax,
  }))
  // A challenge chosen earlier and unpublished since stays listed (and can be removed).
  for (const c of call?.challenges ?? [])
    if (!options.some((o) => o.id === c.id))
      options.push({
        id: c.id,
        code: c.domainCode,
        title: c.title[i18n.language] || c.title.en,
        trlMin: c.trlMin,
        trlMax: c.trlMax,
      })
  const outside = options.filter(
    (c) =>
      chosen.includes(c.id) && c.trlMin !== null && c.trlMax !== null && (c.trlMax < trl.min || c.trlMin > trl.max),
  )
  const challengeErrors = Object.entries(form.errors)
    .filter(([path]) => path === 'challengeIds' || path.startsWith('challengeIds.'))
    .map(([, message]) => message)
  const trlSelect = (key: 'min' | 'max', label: string) => (
    <Select
      label={label}
      required
      allowDeselect={false}
      data={trlOptions}
      value={String(trl[key])}
      error={errorAt(form, `config.trl.${key}`)}
      onChange={(v) => v && setField(form, `config.trl.${key}`, Number(v))}
    />
  )
  const toggle = (id: string, on: boolean) =>
    setField(form, 'challengeIds', on ? [...chosen, id] : chosen.filter((x) => x !== id))

  return (
    <Stack>
      <Fieldset legend={t('calls.scope.trl')}>
        <Stack gap="xs">
          <Text size="sm" c="dimmed">
            {t('calls.scope.trlHelp')}
          </Text>
          <SimpleGrid cols={{ base: 1, xs: 2 }} maw={480}>
            {trlSelect('min', t('calls.fields.trlMin'))}
            {trlSelect('max', t('calls.fields.trlMax'))}
          </SimpleGrid>
        </Stack>
      </Fieldset>
      <Fieldset legend={t('calls.scope.challenges')}>
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('calls.scope.challengesHelp', { count: chosen.length })}
          </Text>
          <ErrorAlert error={challenges.error} />
          {challengeErrors.length > 0 ? (
            <Text c="red.8" size="sm" role="alert">
              {challengeErrors[0]}
            </Text>
          ) : null}
          {challenges.isLoading ? (
            <Skeleton height={120} />
          ) : options.length === 0 ? (
            <Text size="sm">{t('calls.scope.noChallenges')}</Text>
          ) : (
            <Stack gap="xs" role="group" aria-label={t('calls.scope.challenges')}>
              {options.map((c) => (
                <Checkbox
                  key={c.id}
                  checked={chosen.includes(c.id)}
                  onChange={(e) => toggle(c.id, e.currentTarget.checked)}
                  label={
                    <Group gap={6} component="span">
                      <Text component="span" fw={600} size="sm">
                        {c.code}
                      </Text>
                      <Text component="span" size="sm">
                        {c.title}
                      </Text>
                    </Group>
                  }
                  description={c.trlMin !== null ? `TRL ${c.trlMin}–${c.trlMax}` : undefined}
                />
              ))}
            </Stack>
          )}
          {outside.length > 0 ? (
            <Alert color="orange" variant="light" title={t('calls.scope.outsideTitle')}>
              {t('calls.scope.outside', { codes: outside.map((c) => c.code).join(', '), min: trl.min, max: trl.max })}
            </Alert>
          ) : null}
        </Stack>
      </Fieldset>
    </Stack>
  )
}
