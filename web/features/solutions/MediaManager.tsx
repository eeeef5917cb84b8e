import {
  ActionIcon,
  Anchor,
  Button,
  Card,
  FileInput,
  Group,
  Image,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { IconArrowDown, IconArrowUp, IconFileTypePdf, IconTrash, IconUpload } from '@tabler/icons-react'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type MediaKind, mediaLimits, type Solution, type SolutionMedia } from '../../../shared/contracts/solutions.ts'
import { isApiError } from '../../app/api.ts'
import { useFormat } from '../../design-system/format.ts'
import { ErrorAlert, useErrorMessage } from '../../design-system/forms.tsx'
import { fileToBase64, solutionKeys, solutionsApi } from './client.ts'

const accept: Record<MediaKind, string> = { image: 'image/png,image/jpeg,image/webp', datasheet: 'application/pdf' }
const maxBytes: Record<MediaKind, number> = { image: 2 * 1024 * 1024, datasheet: 10 * 1024 * 1024 }

export function useFileSize() {
  const f = useFormat()
  return (bytes: number) =>
    bytes >= 1024 * 1024
      ? `${f.number(bytes / 1024 / 1024, { maximumFractionDigits: 1 })} MB`
      : `${f.number(Math.max(1, Math.round(bytes / 1024)))} kB`
}

/** The gallery and datasheets as everyone sees them. */
export function MediaGallery({ media }: { media: SolutionMedia[] }) {
  const { t } = useTranslation()
  const size = useFileSize()
  const images = media.filter((m) => m.kind === 'image')
  const sheets = media.filter((m) => m.kind === 'datasheet')
  if (media.length === 0) return null
  return (
    <Stack gap="md">
      {images.length > 0 ? (
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }}>
          {images.map((m) => (
            <Card key={m.id} withBorder padding="xs" radius="md" component="figure" m={0}>
              <Card.Section>
                <Image
                  src={m.url}
                  alt={m.caption ?? t('solutions.media.imageAlt', { position: m.position + 1 })}
                  h={160}
                  fit="cover"
                />
              </Card.Section>
              {m.caption ? (
                <Text component="figcaption" size="sm" mt="xs">
                  {m.caption}
                </Text>
              ) : null}
            </Card>
          ))}
        </SimpleGrid>
      ) : null}
      {sheets.length > 0 ? (
        <Stack gap={4}>
          <Text fw={600} size="sm">
            {t('solutions.media.datasheets')}
          </Text>
          {sheets.map((m) => (
            <Group key={m.id} gap="xs" wrap="nowrap">
              <IconFileTypePdf size={18} aria-hidden />
              <Anchor href={m.url} download={m.filename}>
                {m.caption || m.filename}
              </Anchor>
              <Text size="xs" c="dimmed">
                PDF · {size(m.byteSize)}
              </Text>
            </Group>
          ))}
        </Stack>
      ) : null}
    </Stack>
  )
}

/** Members upload, caption, reorder and remove images and datasheets; errors appear next to the file field. */
export function MediaManager({ solution }: { solution: Solution }) {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const message = useErrorMessage()
  const size = useFileSize()
  const [kind, setKind] = useState<MediaKind>('image')
  const [file, setFile] = useState<File | null>(null)
  const [caption, setCaption] = useState('')
  const [fileError, setFileError] = useState<string | null>(null)
  const refresh = () => queryClient.invalidateQueries({ queryKey: solutionKeys.one(solution.id) })

  const upload = useMutation({
    mutationFn: async () => {
      if (!file) throw new Error('no file')
      return solutionsApi.addMedia(solution.id, {
        kind,
        filename: file.name,
        data: await fileToBase64(file),
        caption: caption.trim() || null,
      })
    },
    onSuccess: async () => {
      setFile(null)
      setCaption('')
      await refresh()
    },
    onError: (e) => {
      const fe = isApiError(e) ? e.fieldErrors.find((x) => x.path === 'data') : undefined
      setFileError(fe ? t(`validation.${fe.code}`) : null)
    },
  })
  const update = useMutation({
    mutationFn: (v: { id: string; caption?: string | null; position?: number }) =>
      solutionsApi.updateMedia(solution.id, v.id, { caption: v.caption, position: v.position }),
    onSuccess: refresh,
  })
  const remove = useMutation({
    mutationFn: (id: string) => solutionsApi.deleteMedia(solution.id, id),
    onSuccess: refresh,
  })

  const submit = () => {
    setFileError(null)
    if (!file) return setFileError(t('validation.required'))
    if (file.size > maxBytes[kind])
      return setFileError(t('solutions.media.tooLarge', { max: kind === 'image' ? 2 : 10 }))
    upload.mutate()
  }
  const ofKind = (k: MediaKind) => solution.media.filter((m) => m.kind === k)

  return (
    <Stack gap="md">
      <Card withBorder radius="md" padding="md">
        <Stack gap="sm">
          <Title order={3} size="h5">
            {t('solutions.media.add')}
          </Title>
          <SegmentedControl
            value={kind}
            onChange={(v) => {
              setKind(v as MediaKind)
              setFile(null)
              setFileError(null)
            }}
            data={[
              { value: 'image', label: t('solutions.media.image') },
              { value: 'datasheet', label: t('solutions.media.datasheet') },
            ]}
            aria-label={t('solutions.media.kind')}
          />
          <FileInput
            label={kind === 'image' ? t('solutions.media.imageFile') : t('solutions.media.datasheetFile')}
            description={kind === 'image' ? t('solutions.media.imageHelp') : t('solutions.media.datasheetHelp')}
            accept={accept[kind]}
            value={file}
            onChange={(f) => {
              setFile(f)
              setFileError(null)
            }}
            clearable
            clearButtonProps={{ 'aria-label': t('solutions.media.clearFile') }}
            error={fileError}
            leftSection={<IconUpload size={16} aria-hidden />}
          />
          {file && kind === 'image' && file.size <= maxBytes.image ? (
            <FilePreview file={file} alt={t('solutions.media.preview')} />
          ) : null}
          <TextInput
            label={t('solutions.media.caption')}
            maxLength={300}
            value={caption}
            onChange={(e) => setCaption(e.currentTarget.value)}
          />
          {solution.visibility === 'anonymous' ? (
            <Text size="sm" c="dimmed">
              {t('solutions.media.anonymousHint')}
            </Text>
          ) : null}
          {upload.error && !fileError ? <ErrorAlert error={upload.error} /> : null}
          <div>
            <Button onClick={submit} loading={upload.isPending} disabled={ofKind(kind).length >= mediaLimits[kind]}>
              {t('solutions.media.upload')}
            </Button>
          </div>
        </Stack>
      </Card>
      {(['image', 'datasheet'] as const).map((k) =>
        ofKind(k).length > 0 ? (
          <Stack key={k} gap="xs">
            <Text fw={600} size="sm">
              {k === 'image' ? t('solutions.media.images') : t('solutions.media.datasheets')}
            </Text>
            {ofKind(k).map((m, i, all) => (
              <Card key={m.id} withBorder radius="sm" padding="xs">
                <Group wrap="nowrap" align="flex-start" gap="sm">
                  {k === 'image' ? (
                    <Image
                      src={m.url}
                      alt={m.caption ?? t('solutions.media.imageAlt', { position: i + 1 })}
                      w={96}
                      h={64}
                      fit="cover"
                      radius="sm"
                    />
                  ) : (
                    <IconFileTypePdf size={32} aria-hidden />
                  )}
                  <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
                    <Anchor href={m.url} size="sm" style={{ wordBreak: 'break-all' }}>
                      {m.filename}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {size(m.byteSize)}
                    </Text>
                    <CaptionField media={m} onSave={(caption) => update.mutate({ id: m.id, caption })} />
                  </Stack>
                  <Stack gap={4}>
                    <ActionIcon
                      variant="default"
                      aria-label={t('solutions.media.up', { name: m.filename })}
                      disabled={i === 0}
                      onClick={() => update.mutate({ id: m.id, position: i - 1 })}
                    >
                      <IconArrowUp size={16} aria-hidden />
                    </ActionIcon>
                    <ActionIcon
                      variant="default"
                      aria-label={t('solutions.media.down', { name: m.filename })}
                      disabled={i === all.length - 1}
                      onClick={() => update.mutate({ id: m.id, position: i + 1 })}
                    >
                      <IconArrowDown size={16} aria-hidden />
                    </ActionIcon>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={t('solutions.media.delete', { name: m.filename })}
                      onClick={() => remove.mutate(m.id)}
                    >
                      <IconTrash size={16} aria-hidden />
                    </ActionIcon>
                  </Stack>
                </Group>
              </Card>
            ))}
          </Stack>
        ) : null,
      )}
      {update.error || remove.error ? (
        <Text c="red" size="sm" role="alert">
          {message(update.error ?? remove.error)}
        </Text>
      ) : null}
    </Stack>
  )
}

function CaptionField({ media, onSave }: { media: SolutionMedia; onSave: (caption: string | null) => void }) {
  const { t } = useTranslation()
  const [value, setValue] = useState(media.caption ?? '')
  const changed = value !== (media.caption ?? '')
  return (
    <Group gap="xs" align="flex-end" wrap="nowrap">
      <TextInput
        size="xs"
        label={t('solutions.media.captionOf', { name: media.filename })}
        value={value}
        maxLength={300}
        onChange={(e) => setValue(e.currentTarget.value)}
        style={{ flex: 1 }}
      />
      {changed ? (
        <Button size="xs" variant="default" onClick={() => onSave(value.trim() || null)}>
          {t('common.save')}
        </Button>
      ) : null}
    </Group>
  )
}

/** A local preview of a chosen image (its object URL released when the file changes). */
function FilePreview({ file, alt }: { file: File; alt: string }) {
  const [url, setUrl] = useState<string | null>(null)
  useEffect(() => {
    const u = URL.createObjectURL(file)
    setUrl(u)
    return () => URL.revokeObjectURL(u)
  }, [file])
  return url ? <Image src={url} alt={alt} h={120} w="auto" fit="contain" /> : null
}
