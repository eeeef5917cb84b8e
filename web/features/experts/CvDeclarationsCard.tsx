import { Anchor, Button, Card, FileInput, Group, Stack, Text, Title } from '@mantine/core'
import { IconCheck } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ExpertProfile } from '../../../shared/contracts/experts.ts'
import { useFormat } from '../../design-system/format.ts'
import { ErrorAlert } from '../../design-system/forms.tsx'
import { fileToBase64 } from '../organisations/profile-client.ts'

/** The CV (upload, download) and the two declarations, each signed once with its time shown. */
export function CvDeclarationsCard(props: {
  profile: ExpertProfile
  onUpload: (filename: string, data: string) => Promise<unknown>
  onSign: (which: 'codeOfConduct' | 'confidentiality') => Promise<unknown>
}) {
  const { t } = useTranslation()
  const f = useFormat()
  const [file, setFile] = useState<File | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const run = async (fn: () => Promise<unknown>) => {
    setBusy(true)
    setError(null)
    try {
      await fn()
    } catch (e) {
      setError(e)
    } finally {
      setBusy(false)
    }
  }
  const p = props.profile
  const declaration = (which: 'codeOfConduct' | 'confidentiality', at: string | null) => (
    <Group justify="space-between" wrap="wrap" gap="xs">
      <Stack gap={2} style={{ flex: '1 1 260px' }}>
        <Text fw={600}>{t(`experts.declarations.${which}`)}</Text>
        <Text size="sm" c="dimmed">
          {t(`experts.declarations.${which}Text`)}
        </Text>
      </Stack>
      {at ? (
        <Text size="sm" c="green.8">
          <IconCheck size={14} aria-hidden /> {t('experts.declarations.signedAt', { at: f.dateTime(at) })}
        </Text>
      ) : (
        <Button size="xs" loading={busy} onClick={() => run(() => props.onSign(which))}>
          {t('experts.declarations.sign')}
        </Button>
      )}
    </Group>
  )
  return (
    <Card withBorder radius="md" padding="lg" aria-labelledby="expert-cv">
      <Stack gap="md">
        <Title order={2} size="h3" id="expert-cv">
          {t('experts.cv.title')}
        </Title>
        {p.cv ? (
          <Text size="sm">
            <Anchor href={`/api/v1/experts/${p.userId}/cv`}>{p.cv.filename}</Anchor>{' '}
            {t('experts.cv.size', { kb: f.number(Math.ceil(p.cv.byteSize / 1024)) })}
          </Text>
        ) : (
          <Text size="sm" c="dimmed">
            {t('experts.cv.none')}
          </Text>
        )}
        <Group align="flex-end" wrap="wrap">
          <FileInput
            label={t('experts.cv.file')}
            description={t('experts.cv.help')}
            accept="application/pdf,.docx,.odt"
            value={file}
            onChange={setFile}
            clearable
            style={{ flex: '1 1 260px' }}
          />
          <Button
            disabled={!file}
            loading={busy}
            onClick={() =>
              file &&
              run(async () => {
                await props.onUpload(file.name, await fileToBase64(file))
                setFile(null)
              })
            }
          >
            {t('experts.cv.upload')}
          </Button>
        </Group>
        <Title order={2} size="h3">
          {t('experts.declarations.title')}
        </Title>
        {declaration('codeOfConduct', p.codeOfConductAt)}
        {declaration('confidentiality', p.confidentialityAt)}
        <ErrorAlert error={error} />
      </Stack>
    </Card>
  )
}
