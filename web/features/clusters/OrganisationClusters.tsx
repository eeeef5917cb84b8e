import { Badge, Group, Skeleton, Text } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { clusterKeys, clustersApi } from './api.ts'

/** The partner clusters an organisation is a member of, as a definition-list entry of its profile. */
export function OrganisationClusters({ organisationId }: { organisationId: string }) {
  const { t } = useTranslation()
  const clusters = useQuery({
    queryKey: clusterKeys.ofOrganisation(organisationId),
    queryFn: () => clustersApi.ofOrganisation(organisationId),
  })
  const items = clusters.data?.items ?? []
  return (
    <div>
      <Text component="dt" size="sm" c="dimmed" fw={600}>
        {t('clusterMembers.profileTitle')}
      </Text>
      <Text component="dd" m={0}>
        {clusters.isLoading ? (
          <Skeleton height={20} width={160} component="span" display="inline-block" />
        ) : items.length === 0 ? (
          <span>{clusters.error ? t('common.notGiven') : t('clusterMembers.profileNone')}</span>
        ) : (
          <Group gap={4} component="span">
            {items.map((c) => (
              <Badge key={c.clusterId} variant="light" tt="none">
                {c.name}
              </Badge>
            ))}
          </Group>
        )}
      </Text>
    </div>
  )
}
