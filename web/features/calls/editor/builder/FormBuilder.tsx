import { Button, Group, SegmentedControl, Stack, Text } from '@mantine/core'
import { IconPlus } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { CallForm } from '../fields.tsx'
import { nextId } from '../values.ts'
import { FormPreview } from './FormPreview.tsx'
import { newSection } from './factory.ts'
import { errorsUnder, SectionCard } from './SectionCard.tsx'

/**
 * The application form builder: sections and their questions (add, edit, reorder with buttons,
 * remove), and a live preview of the form as applicants will see it.
 */
export function FormBuilder({
  form,
  open,
  onOpen,
}: {
  form: CallForm
  open: string | null
  onOpen: (questionId: string | null) => void
}) {
  const { t, i18n } = useTranslation()
  const [mode, setMode] = useState<'build' | 'preview'>('build')
  const sections = form.values.config.form.sections
  const questionCount = sections.reduce((n, s) => n + s.questions.length, 0)
  const addSection = () => {
    form.insertListItem(
      'config.form.sections' as never,
      newSection(
        nextId(
          'section',
          sections.map((s) => s.id),
        ),
      ) as never,
    )
  }
  return (
    <Stack>
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Text size="sm" c="dimmed">
          {t('calls.builder.summary', { sections: sections.length, questions: questionCount })}
        </Text>
        <SegmentedControl
          aria-label={t('calls.builder.mode')}
          value={mode}
          onChange={(v) => setMode(v as 'build' | 'preview')}
          data={[
            { value: 'build', label: t('calls.builder.build') },
            { value: 'preview', label: t('calls.builder.preview') },
          ]}
        />
      </Group>
      {mode === 'preview' ? (
        <FormPreview config={form.values.config} />
      ) : (
        <>
          {sections.map((s, i) => (
            <SectionCard
              key={s.id}
              form={form}
              index={i}
              section={s}
              sectionCount={sections.length}
              lang={i18n.language}
              open={open !== null && s.questions.some((q) => q.id === open) ? open : null}
              errors={errorsUnder(form.errors, `config.form.sections.${i}`)}
              onOpen={onOpen}
            />
          ))}
          <Group>
            <Button
              variant="default"
              leftSection={<IconPlus size={16} aria-hidden />}
              onClick={addSection}
              disabled={sections.length >= 20}
            >
              {t('calls.builder.addSection')}
            </Button>
          </Group>
        </>
      )}
    </Stack>
  )
}
