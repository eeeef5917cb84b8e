import { Anchor, Group, Stack, Text, Title } from '@mantine/core'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import type { NotFoundPageProps } from '../../../shared/contracts/challenges.ts'
import { domainsHref } from './catalogue-links.ts'

/** The public 404 page: what happened, and the ways back into the catalogue. */
export function NotFound({ programme }: NotFoundPageProps) {
  const { t } = useTranslation()
  return (
    <Stack gap="md" maw={640}>
      <Text fw={700} c="cascade.8" size="sm">
        404
      </Text>
      <Title order={1} fz={{ base: 28, sm: 40 }} lh={1.15}>
        {t('notFound.title')}
      </Title>
      <Text fz={{ base: 'md', sm: 'lg' }}>{t('notFound.text')}</Text>
      <nav aria-label={t('catalogue.notFound.ways')}>
        <Group gap="lg" wrap="wrap">
          <Anchor href="/">{programme ? programme.acronym : t('app.name')}</Anchor>
          <Anchor href={domainsHref}>{t('catalogue.domains.title')}</Anchor>
          <Anchor href="/challenges">{t('catalogue.title')}</Anchor>
        </Group>
      </nav>
    </Stack>
  )
}

export function notFoundHead(_props: NotFoundPageProps, t: TFunction) {
  const label = t('notFound.title')
  return {
    title: t('programme.documentTitle', { label, app: t('app.name') }),
    description: t('notFound.text'),
    ogTitle: label,
    ogDescription: t('notFound.text'),
  }
}
