import {
  Alert,
  Button,
  Card,
  Group,
  NumberInput,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { CallSummary } from '../../../shared/contracts/calls.ts'
import { isApiError } from '../../app/api.ts'
import { localized } from '../../design-system/format.ts'
import { ErrorAlert } from '../../design-system/forms.tsx'
import { ButtonLink } from '../../design-system/links.tsx'
import { PageHeader } from '../../design-system/PageHeader.tsx'
import { callKeys, callsApi } from '../calls/api.ts'
import { expertKeys, expertsApi } from './api.ts'

const query = { page: 1, pageSize: 50 }

/**
 * "Become an expert": the public call for experts of the programme's listed calls. A signed-in person
 * with an expert profile applies to one (a motivation, the load they accept); operators then decide.
 */
export function BecomeExpertPage() {
  const { t, i18n } = useTranslation()
  const calls = useQuery({ queryKey: callKeys.list(query), queryFn: () => callsApi.list(query) })
  const profile = useQuery({ queryKey: expertKeys.profile, queryFn: expertsApi.profile, retry: false })
  const noProfile = isApiError(profile.error) && profile.error.status === 404
  const applied = new Set(profile.data?.calls.map((c) => c.callId) ?? [])
  const open = (calls.data?.items ?? []).filter((c) => c.phase !== 'closed')
  return (
    <>
      <PageHeader title={t('experts.apply.title')} description={t('experts.apply.description')} />
      <Stack gap="md">
        {noProfile ? (
          <Alert color="blue" variant="light" title={t('experts.apply.profileFirst')}>
            <ButtonLink to="/app/expert" size="xs" mt="xs">
              {t('experts.profile.title')}
            </ButtonLink>
          </Alert>
        ) : null}
        <ErrorAlert error={calls.error} />
        {calls.isLoading ? <Skeleton height={200} /> : null}
        {calls.data && open.length === 0 ? <Text>{t('experts.apply.noCalls')}</Text> : null}
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          {open.map((c) => (
            <CallCard
              key={c.id}
              call={c}
              title={localized(c.title, i18n.language)}
              applied={applied.has(c.id)}
              disabled={!profile.data}
            />
          ))}
        </SimpleGrid>
      </Stack>
    </>
  )
}

function CallCard(props: { call: CallSummary; title: string; applied: boolean; disabled: boolean }) {
  const { t } = useTranslation()
  const qc = useQueryClient()
  const [motivation, setMotivation] = useState('')
  const [maxLoad, setMaxLoad] = useState<number | ''>('')
  const apply = useMutation({
    mutationFn: () => expertsApi.apply(props.call.id, { motivation, ...(maxLoad === '' ? {} : { maxLoad }) }),
    onSuccess: (p) => {
      qc.setQueryData(expertKeys.profile, p)
      notifications.show({ color: 'green', message: t('experts.apply.done', { call: props.call.code }) })
    },
  })
  const id = `become-${props.call.id}`
  return (
    <Card withBorder radius="md" padding="md" component="article" aria-labelledby={id}>
      <Stack gap="xs">
        <Title order={2} size="h4" id={id}>
          {props.call.code} · {props.title}
        </Title>
        {props.applied ? (
          <Text size="sm" c="green.8">
            {t('experts.apply.already')}
          </Text>
        ) : (
          <>
            <Textarea
              label={t('experts.apply.motivation')}
              value={motivation}
              onChange={(e) => setMotivation(e.currentTarget.value)}
              maxLength={2000}
              autosize
              minRows={2}
              disabled={props.disabled}
            />
            <Group align="flex-end" wrap="wrap">
              <NumberInput
                label={t('experts.pool.maxLoad')}
                value={maxLoad}
                onChange={(v) => setMaxLoad(typeof v === 'number' ? v : '')}
                min={0}
                max={200}
                w={160}
                disabled={props.disabled}
              />
              <Button loading={apply.isPending} disabled={props.disabled} onClick={() => apply.mutate()}>
                {t('experts.apply.submit')}
              </Button>
            </Group>
            <ErrorAlert error={apply.error} />
          </>
        )}
      </Stack>
    </Card>
  )
}
