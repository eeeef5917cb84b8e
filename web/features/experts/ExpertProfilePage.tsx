import { Badge, Group, Skeleton, Stack, Table, Text, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import type { ExpertProfile } from '../../../shared/contracts/experts.ts'
import { isApiError } from '../../app/api.ts'
import { ErrorAlert } from '../../design-system/forms.tsx'
import { ButtonLink } from '../../design-system/links.tsx'
import { PageHeader } from '../../design-system/PageHeader.tsx'
import { expertKeys, expertsApi } from './api.ts'
import { CvDeclarationsCard } from './CvDeclarationsCard.tsx'
import { type ProfileDraft, ProfileForm } from './ProfileForm.tsx'

export const statusColor = { pending: 'yellow', approved: 'green', rejected: 'gray' } as const

/** My expert profile: the fields, then (once saved) CV and declarations, and my candidacies per call. */
export function ExpertProfilePage() {
  const { t } = useTranslation()
  const qc = useQueryClient()
  const profile = useQuery({
    queryKey: expertKeys.profile,
    queryFn: expertsApi.profile,
    retry: (n, e) => !(isApiError(e) && e.status === 404) && n < 2,
  })
  const missing = isApiError(profile.error) && profile.error.status === 404
  const set = (p: ExpertProfile) => qc.setQueryData(expertKeys.profile, p)
  const save = useMutation({
    mutationFn: (d: ProfileDraft) => expertsApi.save(d),
    onSuccess: (p) => {
      set(p)
      notifications.show({ color: 'green', message: t('experts.profile.saved') })
    },
  })
  const p = profile.data ?? null
  return (
    <>
      <PageHeader
        title={t('experts.profile.title')}
        description={t('experts.profile.description')}
        actions={p ? <ButtonLink to="/app/expert/apply">{t('experts.apply.title')}</ButtonLink> : null}
      />
      <Stack gap="lg">
        {profile.isLoading ? <Skeleton height={300} /> : null}
        {profile.error && !missing ? <ErrorAlert error={profile.error} /> : null}
        {missing ? <Text>{t('experts.profile.none')}</Text> : null}
        {p || missing ? (
          <ProfileForm
            key={p ? 'saved' : 'new'}
            profile={p}
            saving={save.isPending}
            error={save.error}
            onSave={(d) => save.mutate(d)}
          />
        ) : null}
        {p ? (
          <CvDeclarationsCard
            profile={p}
            onUpload={async (filename, data) => set(await expertsApi.uploadCv({ filename, data }))}
            onSign={async (which) => set(await expertsApi.sign({ [which]: true }))}
          />
        ) : null}
        {p?.calls.length ? (
          <Stack gap="xs">
            <Title order={2} size="h3">
              {t('experts.profile.calls')}
            </Title>
            <Table.ScrollContainer
              minWidth={360}
              type="native"
              tabIndex={0}
              role="region"
              aria-label={t('table.region', { name: t('experts.profile.calls') })}
            >
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('experts.pool.call')}</Table.Th>
                    <Table.Th>{t('experts.pool.status')}</Table.Th>
                    <Table.Th>{t('experts.pool.maxLoad')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {p.calls.map((c) => (
                    <Table.Tr key={c.callId}>
                      <Table.Td>{c.callCode}</Table.Td>
                      <Table.Td>
                        <Group gap={4}>
                          <Badge color={statusColor[c.status]} variant="light">
                            {t(`experts.status.${c.status}`)}
                          </Badge>
                          {c.status === 'approved' ? (
                            <ButtonLink
                              to="/app/evaluations/bids/$callId"
                              params={{ callId: c.callId }}
                              size="compact-sm"
                              variant="subtle"
                              aria-label={t('experts.profile.bidsFor', { call: c.callCode })}
                            >
                              {t('experts.profile.bids')}
                            </ButtonLink>
                          ) : null}
                        </Group>
                      </Table.Td>
                      <Table.Td>{c.maxLoad}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Stack>
        ) : null}
      </Stack>
    </>
  )
}
