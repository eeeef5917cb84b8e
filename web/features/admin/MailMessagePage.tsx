import { Anchor, Badge, Card, Group, SimpleGrid, Skeleton, Stack, Tabs, Text } from '@mantine/core'
import { IconPaperclip } from '@tabler/icons-react'
import { useQuery } from '@tanstack/react-query'
import { getRouteApi } from '@tanstack/react-router'
import { Fragment } from 'react'
import { useTranslation } from 'react-i18next'
import { api, queryKeys } from '../../app/api.ts'
import { RequireCapability } from '../../app/RequireCapability.tsx'
import { useFormat } from '../../design-system/format.ts'
import { ErrorAlert } from '../../design-system/forms.tsx'
import { AnchorLink } from '../../design-system/links.tsx'
import { PageHeader } from '../../design-system/PageHeader.tsx'

const route = getRouteApi('/app/admin/mailbox/$messageId')

/** Plain text with every http(s) address turned into a link (the verification link must be clickable). */
export function LinkifiedText({ text: text_ }: { text: string }) {
  const parts: { at: number; text: string }[] = []
  let at = 0
  for (const text of text_.split(/(https?:\/\/[^\s<>"')\]]+)/g)) {
    parts.push({ at, text })
    at += text.length
  }
  return (
    <Text component="div" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} ff="monospace" fz="sm">
      {parts.map((part) =>
        /^https?:\/\//.test(part.text) ? (
          <Anchor key={part.at} href={part.text}>
            {part.text}
          </Anchor>
        ) : (
          <Fragment key={part.at}>{part.text}</Fragment>
        ),
      )}
    </Text>
  )
}

export function MailMessagePage() {
  const { t } = useTranslation()
  return (
    <RequireCapability capability="admin.mailbox.view" title={t('admin.mailbox.title')}>
      <Message />
    </RequireCapability>
  )
}

function Message() {
  const { t } = useTranslation()
  const f = useFormat()
  const { messageId } = route.useParams()
  const message = useQuery({ queryKey: queryKeys.mailMessage(messageId), queryFn: () => api.mailMessage(messageId) })
  const m = message.data
  const back = (
    <AnchorLink to="/app/admin/mailbox" size="sm">
      ← {t('admin.mailbox.title')}
    </AnchorLink>
  )
  if (!m)
    return (
      <>
        <PageHeader title={t('admin.mailbox.message')} above={back} />
        {message.isLoading ? <Skeleton height={240} /> : <ErrorAlert error={message.error} />}
      </>
    )
  return (
    <>
      <PageHeader title={m.subject} documentTitle={`${m.subject} · ${t('admin.mailbox.title')}`} above={back} />
      <Stack gap="md">
        <Card withBorder padding="md">
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm" component="dl" m={0}>
            <div>
              <Text component="dt" size="sm" c="dimmed" fw={600}>
                {t('admin.mailbox.to')}
              </Text>
              <Text component="dd" m={0}>
                {m.to}
              </Text>
            </div>
            <div>
              <Text component="dt" size="sm" c="dimmed" fw={600}>
                {t('admin.mailbox.date')}
              </Text>
              <Text component="dd" m={0}>
                {f.dateTime(m.createdAt, undefined, true)}
              </Text>
            </div>
            <div>
              <Text component="dt" size="sm" c="dimmed" fw={600}>
                {t('admin.mailbox.status')}
              </Text>
              <Group component="dd" m={0} gap={4}>
                <Badge variant="light">{t(`mailStatus.${m.status}`)}</Badge>
                <Badge variant="light" color="gray">
                  {t(`mailTransport.${m.transport}`)}
                </Badge>
              </Group>
            </div>
          </SimpleGrid>
        </Card>
        {m.attachments.length > 0 ? (
          <Card withBorder padding="md" component="section" aria-labelledby="mail-attachments">
            <Text id="mail-attachments" fw={600} mb="xs">
              {t('admin.mailbox.attachments')}
            </Text>
            <Stack component="ul" gap={4} m={0} p={0} style={{ listStyle: 'none' }}>
              {m.attachments.map((a) => (
                <Group component="li" key={a.index} gap="xs" wrap="wrap">
                  <IconPaperclip size={16} aria-hidden />
                  <Anchor
                    href={`/api/v1/admin/mailbox/${encodeURIComponent(m.id)}/attachments/${a.index}`}
                    download={a.filename}
                  >
                    {a.filename}
                  </Anchor>
                  <Text size="sm" c="dimmed">
                    {a.contentType.split(';')[0]} ·{' '}
                    {t('admin.mailbox.kilobytes', {
                      size: f.number(Math.max(0.1, a.size / 1024), { maximumFractionDigits: 1 }),
                    })}
                  </Text>
                </Group>
              ))}
            </Stack>
          </Card>
        ) : null}
        <Card withBorder padding="md">
          {m.htmlBody ? (
            <Tabs defaultValue="text">
              <Tabs.List>
                <Tabs.Tab value="text">{t('admin.mailbox.text')}</Tabs.Tab>
                <Tabs.Tab value="html">{t('admin.mailbox.html')}</Tabs.Tab>
              </Tabs.List>
              <Tabs.Panel value="text" pt="md">
                <LinkifiedText text={m.textBody} />
              </Tabs.Panel>
              <Tabs.Panel value="html" pt="md">
                <iframe
                  title={t('admin.mailbox.htmlPreview')}
                  sandbox="allow-popups allow-popups-to-escape-sandbox"
                  srcDoc={`<base target="_blank">${m.htmlBody}`}
                  style={{ width: '100%', minHeight: 480, border: '1px solid var(--mantine-color-gray-3)' }}
                />
              </Tabs.Panel>
            </Tabs>
          ) : (
            <LinkifiedText text={m.textBody} />
          )}
        </Card>
      </Stack>
    </>
  )
}
