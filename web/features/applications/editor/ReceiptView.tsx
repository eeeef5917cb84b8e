import { Anchor, Button, Code, Group, Paper, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core'
import { IconDownload, IconFileTypePdf, IconRosetteDiscountCheck } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { SignedReceipt } from '../../../../shared/contracts/applications.ts'
import { useFormat } from '../../../design-system/format.ts'
import { applicationUrls } from '../client.ts'

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Stack gap={0} style={{ minWidth: 0 }}>
      <Text size="xs" c="dimmed" fw={600} component="dt">
        {label}
      </Text>
      <Text size="sm" component="dd" m={0} style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </Stack>
  )
}

/**
 * The signed receipt of a submission, shown as soon as the server answers: what was submitted, when
 * (UTC and the call's zone), its digest and signing key, the downloads, and how anyone can check it.
 */
export function ReceiptView({
  receipt,
  timeZone,
  headingId,
}: {
  receipt: SignedReceipt
  timeZone: string
  headingId?: string
}) {
  const { t } = useTranslation()
  const f = useFormat()
  const p = receipt.payload
  const file = `receipt-${p.reference}-r${p.revision}.json`
  const origin = typeof window === 'undefined' ? '' : window.location.origin
  return (
    <Paper
      withBorder
      radius="md"
      p={{ base: 'sm', sm: 'lg' }}
      component="section"
      aria-labelledby={headingId ?? 'receipt-title'}
    >
      <Stack gap="md">
        <Group gap="sm" wrap="nowrap" align="flex-start">
          <ThemeIcon color="green" variant="light" size="lg" radius="xl" aria-hidden>
            <IconRosetteDiscountCheck size={22} />
          </ThemeIcon>
          <Stack gap={2}>
            <Title order={2} size="h3" id={headingId ?? 'receipt-title'} tabIndex={-1}>
              {t('applications.receipt.title', { revision: p.revision })}
            </Title>
            <Text size="sm" c="dimmed">
              {t('applications.receipt.intro')}
            </Text>
          </Stack>
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" component="dl" m={0}>
          <Fact label={t('applications.receipt.reference')}>
            {p.reference} · {p.acronym}
          </Fact>
          <Fact label={t('applications.receipt.revision')}>{p.revision}</Fact>
          <Fact label={t('applications.receipt.submittedUtc')}>
            <time dateTime={p.submittedAt}>{f.dateTime(p.submittedAt, 'UTC', true)}</time>
          </Fact>
          <Fact label={t('applications.receipt.submittedZone', { zone: timeZone })}>
            {f.dateTime(p.submittedAt, timeZone, true)}
          </Fact>
          <Fact label={t('applications.receipt.call')}>
            {p.callCode} · {t('applications.receipt.callVersion', { version: p.callVersion })}
          </Fact>
          <Fact label={t('applications.receipt.deadline')}>{f.dateTime(p.deadline, timeZone, true)}</Fact>
          <Fact label={t('applications.receipt.consortium')}>
            {[p.leadOrganisation, ...p.partners.map((x) => x.name).filter((n) => n !== p.leadOrganisation)].join(', ')}
          </Fact>
          <Fact label={t('applications.receipt.files')}>
            {t('applications.receipt.fileCount', { count: p.files.length })}
          </Fact>
        </SimpleGrid>
        <Stack gap={4}>
          <Text size="xs" c="dimmed" fw={600}>
            {t('applications.receipt.digest')}
          </Text>
          <Code block style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }} data-testid="receipt-digest">
            {p.digest}
          </Code>
          <Text size="xs" c="dimmed" fw={600}>
            {t('applications.receipt.key', { algorithm: receipt.algorithm })}
          </Text>
          <Code block style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>
            {receipt.keyId}
          </Code>
        </Stack>
        <Group gap="sm" wrap="wrap">
          <Button
            component="a"
            href={applicationUrls.receiptJson(p.applicationId, p.revision)}
            download={file}
            leftSection={<IconDownload size={16} aria-hidden />}
          >
            {t('applications.receipt.downloadJson')}
          </Button>
          <Button
            component="a"
            variant="default"
            href={applicationUrls.receiptPdf(p.applicationId, p.revision)}
            download={`application-${p.reference}-r${p.revision}.pdf`}
            leftSection={<IconFileTypePdf size={16} aria-hidden />}
          >
            {t('applications.receipt.downloadPdf')}
          </Button>
        </Group>
        <Stack gap={4}>
          <Title order={3} size="h5">
            {t('applications.receipt.verifyTitle')}
          </Title>
          <Text size="sm">{t('applications.receipt.verifyText')}</Text>
          <Code
            block
            style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
          >{`npm run receipt:verify -- ${file} --url ${origin}`}</Code>
          <Text size="sm">
            {t('applications.receipt.keysText')}{' '}
            <Anchor href={applicationUrls.wellKnownKeys} target="_blank" rel="noopener">
              {t('applications.receipt.keysLink')}
            </Anchor>
          </Text>
        </Stack>
      </Stack>
    </Paper>
  )
}
