import { Anchor, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconPencil } from '@tabler/icons-react'
import { useQueryClient } from '@tanstack/react-query'
import { type ReactNode, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { api, queryKeys } from '../../app/api.ts'
import { AbilityButton } from '../../design-system/Ability.tsx'
import { CountryName } from '../../design-system/CountrySelect.tsx'
import { useFormat } from '../../design-system/format.ts'
import { OrganisationClusters } from '../clusters/OrganisationClusters.tsx'
import { OrganisationForm, type OrganisationFormValues } from './OrganisationForm.tsx'
import { profileKeys } from './profile-client.ts'
import { useOrganisation } from './useOrganisation.ts'

export function OrganisationProfilePage() {
  const { t } = useTranslation()
  const f = useFormat()
  const queryClient = useQueryClient()
  const { organisationId, data: org } = useOrganisation()
  const [editing, setEditing] = useState(false)
  if (!org) return null

  const save = async (v: OrganisationFormValues) => {
    const updated = await api.updateOrganisation(organisationId, v as Parameters<typeof api.updateOrganisation>[1])
    queryClient.setQueryData(queryKeys.organisation(organisationId), updated)
    await queryClient.invalidateQueries({ queryKey: queryKeys.organisations() })
    // The applicant profile shows the description too.
    await queryClient.invalidateQueries({ queryKey: profileKeys.profile(organisationId) })
    notifications.show({ color: 'green', message: t('organisations.saved') })
    setEditing(false)
  }

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="org-profile">
      <Group justify="space-between" mb="md">
        <Title order={2} size="h3" id="org-profile">
          {editing ? t('organisations.edit') : t('organisations.tabs.profile')}
        </Title>
        {!editing ? (
          <AbilityButton
            ability={org.abilities.update}
            variant="default"
            leftSection={<IconPencil size={16} aria-hidden />}
            onClick={() => setEditing(true)}
          >
            {t('common.edit')}
          </AbilityButton>
        ) : null}
      </Group>
      {editing ? (
        <OrganisationForm
          initial={org}
          submitLabel={t('common.save')}
          onSubmit={save}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <Stack gap="lg">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" component="dl" m={0}>
            <Field label={t('organisations.fields.legalName')}>{org.legalName}</Field>
            <Field label={t('organisations.fields.shortName')}>{org.shortName}</Field>
            <Field label={t('organisations.fields.type')}>{t(`organisationTypes.${org.type}`)}</Field>
            <Field label={t('organisations.fields.country')}>
              <CountryName code={org.country} />
            </Field>
            <Field label={t('organisations.fields.legalForm')}>{org.legalForm}</Field>
            <Field label={t('organisations.fields.registrationNumber')}>{org.registrationNumber}</Field>
            <Field label={t('organisations.fields.website')}>
              {org.website ? (
                <Anchor href={org.website} rel="noopener noreferrer" target="_blank">
                  {org.website}
                </Anchor>
              ) : null}
            </Field>
            <Field label={t('organisations.memberCount')}>{f.number(org.memberCount)}</Field>
            <Field label={t('common.created')}>{f.date(org.createdAt)}</Field>
            <Field label={t('common.updated')}>{f.dateTime(org.updatedAt)}</Field>
          </SimpleGrid>
          <Stack gap={4} component="dl" m={0}>
            <OrganisationClusters organisationId={organisationId} />
          </Stack>
          <Stack gap={4} component="dl" m={0}>
            <Field label={t('organisations.fields.description')}>
              {org.description ? <Text style={{ whiteSpace: 'pre-wrap' }}>{org.description}</Text> : null}
            </Field>
          </Stack>
        </Stack>
      )}
    </Card>
  )
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  const { t } = useTranslation()
  return (
    <div>
      <Text component="dt" size="sm" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text component="dd" m={0}>
        {children || <span>{t('common.notGiven')}</span>}
      </Text>
    </div>
  )
}
