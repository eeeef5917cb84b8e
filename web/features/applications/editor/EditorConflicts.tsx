import { Alert, Button, Group, Text } from '@mantine/core'
import { IconAlertTriangle } from '@tabler/icons-react'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Application } from '../../../../shared/contracts/applications.ts'
import type { FormQuestion } from '../../../../shared/contracts/call-form.ts'
import type { Call } from '../../../../shared/contracts/calls.ts'
import { localized } from '../../../design-system/format.ts'
import { ConflictDialog, type ConflictEntry } from './ConflictDialog.tsx'
import { useAnswerText, usePartFieldText } from './formatValue.ts'
import type { Editor } from './useEditor.ts'
import type { PartKey } from './usePartDraft.ts'

const raw = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v, null, 2))

/** Conflicts of the shared answers and of the person's own part: a banner and the dialog to decide. */
export function EditorConflicts({ app, call, editor }: { app: Application; call: Call; editor: Editor }) {
  const { t, i18n } = useTranslation()
  const answerText = useAnswerText()
  const partText = usePartFieldText()
  const [open, setOpen] = useState(false)
  const questions = new Map<string, FormQuestion>(
    call.config.form.sections.flatMap((s) => s.questions.map((q) => [q.id, q] as const)),
  )
  const entries: ConflictEntry[] = [
    ...editor.draft.conflicts.map((c) => {
      const q = questions.get(c.questionId)
      return {
        key: `answer:${c.questionId}`,
        title: q ? localized(q.label, i18n.language) : c.questionId,
        yours: answerText(q, c.yours),
        theirs: answerText(q, c.theirs),
        by: c.by,
        at: c.at,
        copy: raw(c.yours),
      }
    }),
    ...editor.myPart.conflicts.map((c) => ({
      key: `part:${c.key}`,
      title: t(`applications.conflict.partFields.${c.key}`),
      yours: partText(c.key, c.yours),
      theirs: partText(c.key, c.theirs),
      by: null,
      at: c.at,
      copy: raw(c.yours),
    })),
  ]
  // A new conflict opens the dialog.
  const count = useRef(0)
  useEffect(() => {
    if (entries.length > count.current) setOpen(true)
    count.current = entries.length
  }, [entries.length])

  const decide = (key: string, keep: boolean) => {
    const [kind, id] = key.split(':') as [string, string]
    if (kind === 'answer') editor.draft.resolve(id, keep)
    else editor.myPart.resolve(id as PartKey, keep)
  }
  if (entries.length === 0 && app) return null
  return (
    <>
      <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />} mb="md" role="alert">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Text size="sm">{t('applications.conflict.banner', { count: entries.length })}</Text>
          <Button size="xs" variant="light" color="orange" onClick={() => setOpen(true)}>
            {t('applications.conflict.resolve')}
          </Button>
        </Group>
      </Alert>
      <ConflictDialog
        opened={open}
        entries={entries}
        onKeep={(k) => decide(k, true)}
        onTake={(k) => decide(k, false)}
        onClose={() => setOpen(false)}
      />
    </>
  )
}
