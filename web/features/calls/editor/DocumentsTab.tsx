import {
  ActionIcon,
  Anchor,
  Button,
  Fieldset,
  FileInput,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core'
import { IconTrash, IconUpload } from '@tabler/icons-react'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type Call, type CallDocument, callDocumentKinds } from '../../../../shared/contracts/calls.ts'
import { isApiError } from '../../../app/api.ts'
import { ConfirmDialog } from '../../../design-system/ConfirmDialog.tsx'
import { localized } from '../../../design-system/format.ts'
import { ErrorAlert } from '../../../design-system/forms.tsx'
import { fileToBase64 } from '../../solutions/client.ts'
import { useFileSize } from '../../solutions/MediaManager.tsx'
import { callKeys, callsApi } from '../api.ts'
import { useProblemText } from './fields.tsx'
import { textLanguages } from './values.ts'

type Kind = (typeof callDocumentKinds)[number]
const accept = [
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  '.pdf,.docx,.xlsx,.odt,.ods',
].join(',')

/** The call's documents (guide for applicants, templates…): upload with a kind and a title, delete. */
export function DocumentsTab({ call }: { call: Call }) {
  const { t, i18n } = useTranslation()
  const queryClient = useQueryClient()
  const size = useFileSize()
  const problemText = useProblemText()
  const [kind, setKind] = useState<Kind>('guide')
  const [title, setTitle] = useState<Record<string, string>>({ en: '', fr: '', nl: '' })
  const [file, setFile] = useState<File | null>(null)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [removing, setRemoving] = useState<CallDocument | null>(null)
  const refresh = () => queryClient.invalidateQueries({ queryKey: callKeys.one(call.id) })

  const upload = useMutation({
    mutationFn: async () => {
      const e: Record<string, string> = {}
      if (!title.en?.trim()) e['title.en'] = problemText({ code: 'english_required' })
      if (!file) e.data = problemText({ code: 'required' })
      setErrors(e)
      if (Object.keys(e).length > 0 || !file) return null
      const cleaned: Record<string, string> & { en: string } = { en: title.en!.trim() }
      for (const l of ['fr', 'nl']) if (title[l]?.trim()) cleaned[l] = title[l]!.trim()
      return callsApi.uploadDocument(call.id, {
        kind,
        title: cleaned,
        filename: file.name,
        data: await fileToBase64(file),
      })
    },
    onSuccess: async (doc) => {
      if (!doc) return
      setFile(null)
      setTitle({ en: '', fr: '', nl: '' })
      await refresh()
    },
    onError: (e) => {
      if (!isApiError(e)) return
      const next: Record<string, string> = {}
      for (const fe of e.fieldErrors) next[fe.path] = problemText({ code: fe.code })
      setErrors(next)
    },
  })
  const remove = useMutation({
    mutationFn: (doc: CallDocument) => callsApi.deleteDocument(call.id, doc.id),
    onSuccess: async () => {
      setRemoving(null)
      await refresh()
    },
  })
  const fieldErrorShown = isApiError(upload.error) && upload.error.fieldErrors.length > 0

  return (
    <Stack>
      {call.documents.length === 0 ? (
        <Text c="dimmed">{t('calls.documents.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={560} type="native">
          <Table verticalSpacing="sm">
            <caption className="sr-only">{t('calls.documents.title')}</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('calls.documents.document')}</Table.Th>
                <Table.Th>{t('calls.documents.kind')}</Table.Th>
                <Table.Th>{t('calls.documents.size')}</Table.Th>
                <Table.Th>
                  <span className="sr-only">{t('calls.documents.actions')}</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {call.documents.map((d) => (
                <Table.Tr key={d.id}>
                  <Table.Td>
                    <Anchor href={d.url} download={d.filename}>
                      {localized(d.title, i18n.language)}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {d.filename}
                    </Text>
                  </Table.Td>
                  <Table.Td>{t(`calls.documentKinds.${d.kind}`)}</Table.Td>
                  <Table.Td className="nowrap">{size(d.byteSize)}</Table.Td>
                  <Table.Td ta="right">
                    <ActionIcon
                      variant="default"
                      color="red"
                      size="lg"
                      aria-label={t('calls.documents.delete', { title: localized(d.title, i18n.language) })}
                      onClick={() => setRemoving(d)}
                    >
                      <IconTrash size={16} aria-hidden />
                    </ActionIcon>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Fieldset legend={t('calls.documents.add')}>
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('calls.documents.kind')}
              allowDeselect={false}
              data={callDocumentKinds.map((k) => ({ value: k, label: t(`calls.documentKinds.${k}`) }))}
              value={kind}
              onChange={(v) => v && setKind(v as Kind)}
            />
            <FileInput
              label={t('calls.documents.file')}
              description={t('calls.documents.fileHelp')}
              required
              clearable
              accept={accept}
              value={file}
              onChange={setFile}
              error={errors.data ?? errors.filename}
              leftSection={<IconUpload size={16} aria-hidden />}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, md: 3 }}>
            {textLanguages.map((l) => (
              <TextInput
                key={l}
                label={t('calls.fields.inLanguage', {
                  field: t('calls.documents.docTitle'),
                  language: t(`calls.languages.${l}`),
                })}
                required={l === 'en'}
                maxLength={200}
                value={title[l] ?? ''}
                error={errors[`title.${l}`]}
                onChange={(e) => {
                  const v = e.currentTarget.value
                  setTitle((x) => ({ ...x, [l]: v }))
                }}
              />
            ))}
          </SimpleGrid>
          {fieldErrorShown ? null : <ErrorAlert error={upload.error} />}
          <Group>
            <Button
              onClick={() => upload.mutate()}
              loading={upload.isPending}
              leftSection={<IconUpload size={16} aria-hidden />}
            >
              {t('calls.documents.upload')}
            </Button>
          </Group>
        </Stack>
      </Fieldset>
      <ConfirmDialog
        opened={removing !== null}
        title={t('calls.documents.deleteTitle')}
        message={t('calls.documents.deleteText', { title: removing ? localized(removing.title, i18n.language) : '' })}
        confirmLabel={t('calls.documents.deleteConfirm')}
        danger
        loading={remove.isPending}
        error={remove.error}
        onConfirm={() => removing && remove.mutate(removing)}
        onClose={() => {
          setRemoving(null)
          remove.reset()
        }}
      />
    </Stack>
  )
}
