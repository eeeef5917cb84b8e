import { Button, Card, FileInput, Group, Image, Stack, Text, Title } from '@mantine/core'
import { IconPhoto, IconTrash, IconUpload } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type ApplicantProfile, logoMaxBytes } from '../../../shared/contracts/profiles.ts'
import { isApiError } from '../../app/api.ts'
import { ErrorAlert, translateValidation } from '../../design-system/forms.tsx'
import { fileToBase64 } from './profile-client.ts'

const accepted = ['image/png', 'image/jpeg', 'image/webp']

/**
 * The organisation's logo: a preview of the current one (served through the disclosure rule), upload
 * (PNG, JPEG or WebP up to 1 MB; the server reads the type from the bytes) and removal. Errors show
 * under the field.
 */
export function LogoField({
  profile,
  editable,
  onUpload,
  onRemove,
}: {
  profile: ApplicantProfile
  editable: boolean
  onUpload: (file: File, base64: string) => Promise<void>
  onRemove: () => Promise<void>
}) {
  const { t, i18n } = useTranslation()
  const [file, setFile] = useState<File | null>(null)
  const [fieldError, setFieldError] = useState<string | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  const tr = (code: string) => translateValidation(t, (k) => i18n.exists(k), { code, message: code })

  const choose = (f: File | null) => {
    setFile(f)
    setError(null)
    if (f && f.size > logoMaxBytes) setFieldError(tr('file_too_large'))
    else if (f?.type && !accepted.includes(f.type)) setFieldError(tr('file_type'))
    else setFieldError(null)
  }

  const upload = async () => {
    if (!file || fieldError) return
    setBusy(true)
    try {
      await onUpload(file, await fileToBase64(file))
      setFile(null)
    } catch (e) {
      const fe = isApiError(e) ? e.fieldErrors.find((x) => x.path === 'logo') : undefined
      if (fe) setFieldError(tr(fe.code))
      else setError(e)
    } finally {
      setBusy(false)
    }
  }

  const remove = async () => {
    setBusy(true)
    try {
      await onRemove()
    } catch (e) {
      setError(e)
    } finally {
      setBusy(false)
    }
  }

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="logo-title">
      <Title order={2} size="h3" id="logo-title" mb="sm">
        {t('profiles.logo.title')}
      </Title>
      <Stack gap="md">
        <ErrorAlert error={error} />
        <Group align="flex-start" gap="lg" wrap="wrap">
          {profile.logo ? (
            <Image
              src={profile.logo.url}
              alt={t('profiles.logo.current')}
              w={96}
              h={96}
              fit="contain"
              radius="md"
              bd="1px solid var(--mantine-color-gray-3)"
            />
          ) : (
            <Stack w={96} h={96} align="center" justify="center" bg="gray.1" style={{ borderRadius: 8 }}>
              <IconPhoto size={32} aria-hidden color="var(--mantine-color-gray-6)" />
              <Text size="xs" c="dimmed" ta="center">
                {t('profiles.logo.none')}
              </Text>
            </Stack>
          )}
          {editable ? (
            <Stack gap="xs" style={{ flex: '1 1 240px' }}>
              <FileInput
                label={t('profiles.logo.file')}
                description={t('profiles.logo.help')}
                accept="image/png,image/jpeg,image/webp"
                value={file}
                onChange={choose}
                error={fieldError}
                clearable
                clearButtonProps={{ 'aria-label': t('profiles.logo.clear') }}
                leftSection={<IconUpload size={16} aria-hidden />}
              />
              <Group gap="xs">
                <Button onClick={upload} loading={busy} disabled={!file || Boolean(fieldError)}>
                  {t('profiles.logo.upload')}
                </Button>
                {profile.logo ? (
                  <Button
                    variant="default"
                    color="red"
                    leftSection={<IconTrash size={16} aria-hidden />}
                    onClick={remove}
                    disabled={busy}
                  >
                    {t('profiles.logo.remove')}
                  </Button>
                ) : null}
              </Group>
            </Stack>
          ) : null}
        </Group>
      </Stack>
    </Card>
  )
}
