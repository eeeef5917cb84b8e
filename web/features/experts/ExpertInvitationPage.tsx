import { Button, Card, Stack, Text } from '@mantine/core'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { getRouteApi } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../app/api.ts'
import { ErrorAlert } from '../../design-system/forms.tsx'
import { ButtonLink } from '../../design-system/links.tsx'
import { PageHeader } from '../../design-system/PageHeader.tsx'
import { expertKeys, expertsApi } from './api.ts'

const route = getRouteApi('/app/expert-invitations/$token')

/** The e-mail invitation's landing: create the expert profile if needed, then accept (single use). */
export function ExpertInvitationPage() {
  const { t } = useTranslation()
  const { token } = route.useParams()
  const qc = useQueryClient()
  const profile = useQuery({ queryKey: expertKeys.profile, queryFn: expertsApi.profile, retry: false })
  const noProfile = isApiError(profile.error) && profile.error.status === 404
  const accept = useMutation({
    mutationFn: () => expertsApi.accept(token),
    onSuccess: (p) => qc.setQueryData(expertKeys.profile, p),
  })
  return (
    <>
      <PageHeader title={t('experts.invitation.title')} description={t('experts.invitation.description')} />
      <Card withBorder radius="md" padding="lg" maw={640}>
        <Stack gap="md">
          {accept.isSuccess ? (
            <>
              <Text role="status">{t('experts.invitation.done')}</Text>
              <ButtonLink to="/app/expert" w="fit-content">
                {t('experts.profile.title')}
              </ButtonLink>
            </>
          ) : noProfile ? (
            <>
              <Text>{t('experts.invitation.profileFirst')}</Text>
              <Text size="sm" c="dimmed">
                {t('experts.invitation.comeBack')}
              </Text>
              <ButtonLink to="/app/expert" w="fit-content">
                {t('experts.profile.title')}
              </ButtonLink>
            </>
          ) : (
            <Button w="fit-content" loading={accept.isPending} disabled={!profile.data} onClick={() => accept.mutate()}>
              {t('experts.invitation.accept')}
            </Button>
          )}
          <ErrorAlert error={accept.error} />
        </Stack>
      </Card>
    </>
  )
}
