import { ActionIcon, Anchor, Button, FileButton, Group, Input, Progress, Stack, Text } from '@mantine/core'
import { IconFile, IconTrash, IconUpload } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { UploadedFile } from '../../../../shared/contracts/applications.ts'
import type { uploadTypes } from '../../../../shared/contracts/call-form.ts'
import { isApiError } from '../../../app/api.ts'
import { useFormat } from '../../../design-system/format.ts'
import { useErrorMessage } from '../../../design-system/forms.tsx'
import { asFiles, type FieldProps } from './types.ts'

type UploadType = (typeof uploadTypes)[number]

/** What the file picker offers per accepted type (the server reads the type from the bytes). */
const acceptOf: Record<UploadType, string[]> = {
  pdf: ['application/pdf', '.pdf'],
  image: ['image/png', 'image/jpeg', 'image/webp', '.png', '.jpg', '.jpeg', '.webp'],
  spreadsheet: [
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'application/vnd.oasis.opendocument.spreadsheet',
    '.xlsx',
    '.ods',
  ],
  document: [
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'application/vnd.oasis.opendocument.text',
    '.docx',
    '.odt',
  ],
}

export function useFileSize() {
  const f = useFormat()
  return (bytes: number) =>
    bytes >= 1024 * 1024
      ? `${f.number(bytes / 1024 / 1024, { maximumFractionDigits: 1 })} MB`
      : `${f.number(Math.max(1, Math.round(bytes / 1024)))} kB`
}

/** A first check in the browser; the server checks the content again. */
function matchesType(file: File, accept: readonly UploadType[]): boolean {
  const name = file.name.toLowerCase()
  return accept.some((kind) => acceptOf[kind].some((a) => (a.startsWith('.') ? name.endsWith(a) : file.type === a)))
}

interface Uploading {
  name: string
  fraction: number
}

/** Annexes: pick, upload with progress, list with download links, remove; type and size errors in words. */
export function FileField(props: FieldProps<'file', UploadedFile[] | undefined>) {
  const { t } = useTranslation()
  const f = useFormat()
  const size = useFileSize()
  const message = useErrorMessage()
  const q = props.question
  const files = asFiles(props.value)
  const [uploading, setUploading] = useState<Uploading | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const upload = props.context?.upload
  const types = f.list(q.accept.map((k) => t(`applications.form.uploadTypes.${k}`)))
  const full = files.length >= q.maxFiles

  const pick = async (picked: File[]) => {
    setProblem(null)
    if (!upload) return
    let next = [...files]
    for (const file of picked) {
      if (next.length >= q.maxFiles) {
        setProblem(t('applications.form.tooManyFiles', { count: q.maxFiles }))
        break
      }
      if (file.size === 0) {
        setProblem(t('applications.form.fileEmpty', { name: file.name }))
        continue
      }
      if (file.size > q.maxBytes) {
        setProblem(t('applications.form.fileTooLarge', { name: file.name, max: size(q.maxBytes) }))
        continue
      }
      if (!matchesType(file, q.accept)) {
        setProblem(t('applications.form.fileType', { name: file.name, types }))
        continue
      }
      setUploading({ name: file.name, fraction: 0 })
      try {
        const stored = await upload(q.id, file, (fraction) => setUploading({ name: file.name, fraction }))
        next = [...next, stored]
        props.onChange(next)
      } catch (e) {
        const code = isApiError(e) ? (e.fieldErrors[0]?.code ?? e.code) : null
        if (code === 'file_type') setProblem(t('applications.form.fileType', { name: file.name, types }))
        else if (code === 'file_too_large')
          setProblem(t('applications.form.fileTooLarge', { name: file.name, max: size(q.maxBytes) }))
        else if (code === 'file_empty') setProblem(t('applications.form.fileEmpty', { name: file.name }))
        else setProblem(`${file.name}: ${message(e)}`)
      } finally {
        setUploading(null)
      }
    }
  }

  const remove = (fileId: string) => {
    props.onChange(files.filter((x) => x.fileId !== fileId))
    props.onBlur?.()
  }

  return (
    <Input.Wrapper
      label={props.label}
      required={q.required}
      description={[props.help, t('applications.form.fileRules', { types, max: size(q.maxBytes), count: q.maxFiles })]
        .filter(Boolean)
        .join(' · ')}
      error={problem ?? props.error}
      labelElement="div"
      labelProps={{ id: `${props.inputId}-label` }}
    >
      <Stack gap="xs" mt={6} role="group" aria-labelledby={`${props.inputId}-label`}>
        {files.length > 0 ? (
          <Stack gap={4} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {files.map((file) => (
              <Group key={file.fileId} component="li" gap="xs" wrap="nowrap">
                <IconFile size={18} aria-hidden />
                {props.context?.fileUrl ? (
                  <Anchor href={props.context.fileUrl(file)} download={file.filename} style={{ minWidth: 0 }} truncate>
                    {file.filename}
                  </Anchor>
                ) : (
                  <Text size="sm" truncate>
                    {file.filename}
                  </Text>
                )}
                <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>
                  {size(file.byteSize)}
                </Text>
                {!props.readOnly ? (
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={t('applications.form.removeFile', { name: file.filename })}
                    onClick={() => remove(file.fileId)}
                  >
                    <IconTrash size={16} aria-hidden />
                  </ActionIcon>
                ) : null}
              </Group>
            ))}
          </Stack>
        ) : props.readOnly ? (
          <Text size="sm" c="dimmed">
            {t('applications.form.noFiles')}
          </Text>
        ) : null}
        {uploading ? (
          <Stack gap={2} role="status">
            <Text size="xs">
              {t('applications.form.uploading', {
                name: uploading.name,
                percent: Math.round(uploading.fraction * 100),
              })}
            </Text>
            <Progress
              value={uploading.fraction * 100}
              aria-label={t('applications.form.uploadProgress', { name: uploading.name })}
              animated
            />
          </Stack>
        ) : null}
        {!props.readOnly ? (
          upload ? (
            <FileButton
              onChange={(picked: File | File[] | null) =>
                void pick(Array.isArray(picked) ? picked : picked ? [picked] : [])
              }
              accept={q.accept.flatMap((k) => acceptOf[k]).join(',')}
              multiple={q.maxFiles - files.length > 1}
              disabled={full || uploading !== null}
            >
              {(fb) => (
                <Button
                  {...fb}
                  id={props.inputId}
                  variant="default"
                  leftSection={<IconUpload size={16} aria-hidden />}
                  disabled={full || uploading !== null}
                  w="fit-content"
                >
                  {full ? t('applications.form.filesFull') : t('applications.form.addFile')}
                </Button>
              )}
            </FileButton>
          ) : (
            <Text size="sm" c="dimmed" id={props.inputId}>
              {t('applications.form.uploadInPreview')}
            </Text>
          )
        ) : null}
      </Stack>
    </Input.Wrapper>
  )
}
