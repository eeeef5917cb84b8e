import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { LocalizedText } from '../../../../shared/contracts/common.ts'
import { ErrorAlert } from '../../../design-system/forms.tsx'
import { textLanguages } from './values.ts'

/**
 * Once a call is open, a change is a new version with a change log published on the call page: the
 * operator writes it here (English required, French and Dutch welcome) before the save goes out.
 */
export function ChangeLogModal(props: {
  opened: boolean
  version: number
  loading: boolean
  error: unknown
  onSave: (changeLog: LocalizedText) => void
  onClose: () => void
}) {
  const { t } = useTranslation()
  const [text, setText] = useState<Record<string, string>>({ en: '', fr: '', nl: '' })
  const [missing, setMissing] = useState(false)
  const save = () => {
    if (!text.en?.trim()) {
      setMissing(true)
      return
    }
    setMissing(false)
    const log: LocalizedText = { en: text.en.trim() }
    for (const l of ['fr', 'nl']) if (text[l]?.trim()) log[l] = text[l]!.trim()
    props.onSave(log)
  }
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={t('calls.changeLog.title', { version: props.version + 1 })}
      size="lg"
      centered
    >
      <Stack>
        <Text size="sm">{t('calls.changeLog.intro')}</Text>
        {textLanguages.map((l) => (
          <Textarea
            key={l}
            label={t('calls.fields.inLanguage', {
              field: t('calls.changeLog.field'),
              language: t(`calls.languages.${l}`),
            })}
            required={l === 'en'}
            autosize
            minRows={l === 'en' ? 3 : 2}
            maxRows={8}
            maxLength={2000}
            value={text[l] ?? ''}
            error={l === 'en' && missing ? t('calls.validation.english_required') : null}
            onChange={(e) => {
              const v = e.currentTarget.value
              setText((x) => ({ ...x, [l]: v }))
            }}
          />
        ))}
        <ErrorAlert error={props.error} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={props.onClose} disabled={props.loading}>
            {t('common.cancel')}
          </Button>
          <Button onClick={save} loading={props.loading}>
            {t('calls.changeLog.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
