import { Alert, Card, Loader, Stack, Text, Title } from '@mantine/core'
import type { ReactNode } from 'react'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'

/** A titled card for a recommendation panel, with loading and failure states. */
export function Panel(props: {
  title: string
  description?: string
  loading: boolean
  failed: boolean
  children: ReactNode
}) {
  const { t } = useTranslation()
  const id = useId()
  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-labelledby={id} aria-busy={props.loading}>
      <Stack gap="sm">
        <Title order={2} size="h3" id={id}>
          {props.title}
        </Title>
        {props.description ? (
          <Text size="sm" c="dimmed">
            {props.description}
          </Text>
        ) : null}
        {props.failed ? (
          <Alert color="red" variant="light">
            {t('recommend.failed')}
          </Alert>
        ) : props.loading ? (
          <Loader size="sm" aria-label={t('recommend.loading')} />
        ) : (
          props.children
        )}
      </Stack>
    </Card>
  )
}
