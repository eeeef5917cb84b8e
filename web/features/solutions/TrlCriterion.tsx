import {
  Badge,
  Button,
  Card,
  CloseButton,
  FileButton,
  Group,
  Radio,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core'
import { IconFileText, IconUpload } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../app/api.ts'
import { useErrorMessage } from '../../design-system/forms.tsx'
import classes from './Solutions.module.css'
import { type AnswerState, fieldId } from './trlAnswers.ts'

/** One criterion of a level: the yes/no answer and, for a "yes", its evidence (text, link, file). */
export function TrlCriterionField(props: {
  id: string
  dimension: string
  value: AnswerState
  errors: Record<string, string>
  disabled: boolean
  onChange: (patch: Partial<AnswerState>) => void
  upload: (file: File) => Promise<void>
}) {
  const { t } = useTranslation()
  const message = useErrorMessage()
  const [uploading, setUploading] = useState(false)
  const [uploadError, setUploadError] = useState<string | null>(null)
  const v = props.value
  const err = (field: string) => props.errors[`${props.id}.${field}`] || undefined
  return (
    <Card
      withBorder
      radius="md"
      padding="md"
      className={classes.criterion}
      data-answer={v.met === null ? 'open' : v.met ? 'yes' : 'no'}
    >
      <Stack gap="sm">
        <Badge variant="light" color="gray" size="sm">
          {props.dimension}
        </Badge>
        <Radio.Group
          id={fieldId(`${props.id}.met`)}
          label={t(`trl.criteria.${props.id}.text`)}
          description={t(`trl.criteria.${props.id}.help`)}
          value={v.met === null ? '' : v.met ? 'yes' : 'no'}
          onChange={(x) => props.onChange({ met: x === 'yes' })}
          error={err('met')}
          required
          readOnly={props.disabled}
        >
          <Group mt="xs" gap="lg">
            <Radio value="yes" label={t('solutions.wizard.yes')} disabled={props.disabled} />
            <Radio value="no" label={t('solutions.wizard.no')} disabled={props.disabled} />
          </Group>
        </Radio.Group>
        {v.met ? (
          <Stack gap="xs" className={classes.evidence}>
            <Textarea
              id={fieldId(`${props.id}.evidenceText`)}
              label={t('solutions.wizard.evidenceText')}
              description={t('solutions.wizard.evidenceTextHelp')}
              required
              autosize
              minRows={2}
              maxLength={2000}
              value={v.evidenceText}
              onChange={(e) => props.onChange({ evidenceText: e.currentTarget.value })}
              error={err('evidenceText')}
              disabled={props.disabled}
            />
            <TextInput
              id={fieldId(`${props.id}.evidenceUrl`)}
              label={t('solutions.wizard.evidenceUrl')}
              description={t('solutions.wizard.evidenceUrlHelp')}
              placeholder="https://"
              type="url"
              maxLength={2000}
              value={v.evidenceUrl}
              onChange={(e) => props.onChange({ evidenceUrl: e.currentTarget.value })}
              error={err('evidenceUrl')}
              disabled={props.disabled}
            />
            <Group gap="xs" wrap="wrap">
              {v.evidenceFile ? (
                <Group gap={4} wrap="nowrap">
                  <IconFileText size={16} aria-hidden />
                  <Text size="sm">{v.evidenceFile.filename}</Text>
                  {!props.disabled ? (
                    <CloseButton
                      size="sm"
                      aria-label={t('solutions.wizard.removeFile', { name: v.evidenceFile.filename })}
                      onClick={() => props.onChange({ evidenceFileId: null, evidenceFile: null })}
                    />
                  ) : null}
                </Group>
              ) : null}
              {!props.disabled ? (
                <FileButton
                  accept="application/pdf,image/png,image/jpeg,image/webp"
                  onChange={async (file) => {
                    if (!file) return
                    setUploadError(null)
                    if (file.size > 10 * 1024 * 1024) {
                      setUploadError(t('solutions.media.tooLarge', { max: 10 }))
                      return
                    }
                    setUploading(true)
                    try {
                      await props.upload(file)
                    } catch (e) {
                      const fe = isApiError(e) ? e.fieldErrors[0] : undefined
                      setUploadError(fe ? t(`validation.${fe.code}`) : message(e))
                    } finally {
                      setUploading(false)
                    }
                  }}
                >
                  {(p) => (
                    <Button
                      {...p}
                      size="xs"
                      variant="default"
                      loading={uploading}
                      leftSection={<IconUpload size={14} aria-hidden />}
                    >
                      {v.evidenceFile ? t('solutions.wizard.replaceFile') : t('solutions.wizard.uploadFile')}
                    </Button>
                  )}
                </FileButton>
              ) : null}
            </Group>
            {uploadError ? (
              <Text c="red" size="sm" role="alert">
                {uploadError}
              </Text>
            ) : null}
          </Stack>
        ) : null}
      </Stack>
    </Card>
  )
}
