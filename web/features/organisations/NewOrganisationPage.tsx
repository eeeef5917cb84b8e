import { Paper } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useQueryClient } from '@tanstack/react-query'
import { useNavigate } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import { api, queryKeys } from '../../app/api.ts'
import { AnchorLink } from '../../design-system/links.tsx'
import { PageHeader } from '../../design-system/PageHeader.tsx'
import { OrganisationForm, type OrganisationFormValues } from './OrganisationForm.tsx'

export function NewOrganisationPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const queryClient = useQueryClient()

  const create = async (v: OrganisationFormValues) => {
    const created = await api.createOrganisation(v as Parameters<typeof api.createOrganisation>[0])
    queryClient.setQueryData(queryKeys.organisation(created.id), created)
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: queryKeys.organisations() }),
      queryClient.invalidateQueries({ queryKey: queryKeys.me }),
    ])
    notifications.show({ color: 'green', message: t('organisations.createdNotice', { name: created.legalName }) })
    await navigate({ to: '/app/organisations/$organisationId', params: { organisationId: created.id } })
  }

  return (
    <>
      <PageHeader
        title={t('organisations.new')}
        description={t('organisations.newDescription')}
        above={
          <AnchorLink to="/app/organisations" size="sm">
            ← {t('organisations.mine')}
          </AnchorLink>
        }
      />
      <Paper withBorder p={{ base: 'md', sm: 'xl' }} radius="md" maw={860}>
        <OrganisationForm submitLabel={t('organisations.create')} onSubmit={create} />
      </Paper>
    </>
  )
}
