import { Group, Skeleton, Stack, Title } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { api, queryKeys } from '../../app/api.ts'
import { useMe } from '../../app/session.ts'
import { ErrorAlert } from '../../design-system/forms.tsx'
import { ButtonLink } from '../../design-system/links.tsx'
import { useDocumentTitle } from '../../design-system/PageHeader.tsx'
import { ProgrammeHome } from './ProgrammeHome.tsx'

/** The programme home inside the app (the same component the server renders at /). */
export function ProgrammePage() {
  const { t } = useTranslation()
  const { data: me } = useMe()
  const programme = useQuery({ queryKey: queryKeys.programme, queryFn: api.programme, staleTime: 300_000 })
  useDocumentTitle(programme.data ? `${programme.data.acronym} — ${programme.data.name}` : t('nav.programme'))

  if (programme.isLoading)
    return (
      <Stack>
        <Title order={1} id="page-title" tabIndex={-1}>
          {t('nav.programme')}
        </Title>
        <Skeleton height={40} width="60%" />
        <Skeleton height={120} />
        <Skeleton height={200} />
      </Stack>
    )
  if (!programme.data) return <ErrorAlert error={programme.error} />
  return (
    <ProgrammeHome
      programme={programme.data}
      cta={
        me ? (
          <Group gap="sm">
            <ButtonLink to="/app">{t('programme.cta.dashboard')}</ButtonLink>
          </Group>
        ) : (
          <Group gap="sm">
            <ButtonLink to="/app/sign-up">{t('programme.cta.signUp')}</ButtonLink>
            <ButtonLink to="/app/sign-in" variant="default">
              {t('programme.cta.signIn')}
            </ButtonLink>
          </Group>
        )
      }
    />
  )
}
