import { Group, Stack, Text, Title } from '@mantine/core'
import { type ReactNode, useEffect } from 'react'
import { useTranslation } from 'react-i18next'

interface PageHeaderProps {
  /** The page's one <h1>; also the first part of the document title. */
  title: string
  /** Overrides the document title when it must differ from the heading (e.g. to stay unique). */
  documentTitle?: string
  description?: ReactNode
  actions?: ReactNode
  /** Shown above the title (breadcrumbs, a back link). */
  above?: ReactNode
}

/** Sets the document title, renders the page's only <h1> (focus target after navigation) and its actions. */
export function PageHeader({ title, documentTitle, description, actions, above }: PageHeaderProps) {
  useDocumentTitle(documentTitle ?? title)
  return (
    <Stack gap="xs" mb="lg">
      {above}
      <Group justify="space-between" align="flex-start" gap="sm" wrap="wrap">
        <Stack gap={4} style={{ flex: '1 1 18rem', minWidth: 0 }}>
          <Title order={1} fz={{ base: 'h2', sm: 'h1' }} tabIndex={-1} id="page-title" style={{ outline: 'none' }}>
            {title}
          </Title>
          {description ? typeof description === 'string' ? <Text c="dimmed">{description}</Text> : description : null}
        </Stack>
        {actions ? (
          <Group gap="xs" wrap="wrap">
            {actions}
          </Group>
        ) : null}
      </Group>
    </Stack>
  )
}

export function useDocumentTitle(title: string) {
  const { t } = useTranslation()
  const suffix = t('app.name')
  useEffect(() => {
    document.title = title ? `${title} · ${suffix}` : suffix
  }, [title, suffix])
}
