import { Alert, Button, Card, Group, Paper, Select, Stack, Text, Title } from '@mantine/core'
import { IconEye } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { questionIssues, visibleQuestions } from '../../../../../shared/calls/form-checks.ts'
import type { Answers, AnswerValue } from '../../../../../shared/contracts/applications.ts'
import type { FormQuestion } from '../../../../../shared/contracts/call-form.ts'
import type { CallConfig } from '../../../../../shared/contracts/calls.ts'
import type { LocalizedText } from '../../../../../shared/contracts/common.ts'
import { localized } from '../../../../design-system/format.ts'
import { QuestionField } from '../../../applications/form/QuestionField.tsx'
import type { FieldContext } from '../../../applications/form/types.ts'
import { textLanguages } from '../values.ts'

/** The question with its texts in one language (the field components show `en` as the fallback). */
function inLanguage(q: FormQuestion, lang: string): FormQuestion {
  const one = (text: LocalizedText): LocalizedText => ({ en: localized(text, lang) })
  const base = { ...q, label: one(q.label), help: q.help && localized(q.help, lang) ? one(q.help) : null }
  if (base.type === 'single_choice' || base.type === 'multiple_choice')
    return { ...base, options: base.options.map((o) => ({ ...o, label: one(o.label) })) }
  return base
}

/**
 * The application form as an applicant will see it, in a chosen language, with the same field
 * components as the application editor. Answers stay in this page (nothing is saved); conditional
 * questions appear and disappear as in the real form; a field shows its problems once left.
 */
export function FormPreview({ config }: { config: CallConfig }) {
  const { t, i18n } = useTranslation()
  const [lang, setLang] = useState<string>(i18n.language)
  const [answers, setAnswers] = useState<Answers>({})
  const [part, setPart] = useState<Answers>({})
  const [touched, setTouched] = useState<Set<string>>(new Set())
  const form = config.form
  const sharedVisible = visibleQuestions(form, answers)
  const partVisible = visibleQuestions(form, answers, part)
  const context: FieldContext = {
    budget: {
      lines: [
        {
          partnerId: 'preview-lead',
          name: t('calls.preview.sampleLead'),
          role: 'lead',
          status: 'accepted',
          budget: { personnelCents: 0, subcontractingCents: 0, otherCostsCents: 0, requestedCents: 0 },
          mine: true,
        },
      ],
      caps: config.budget,
    },
  }
  const problem = (q: FormQuestion, value: AnswerValue | undefined, key: string): string | null => {
    if (!touched.has(key)) return null
    const issue = questionIssues(q, value)[0]
    if (!issue) return null
    const k = `applications.readiness.${issue.code}`
    return i18n.exists(k) ? t(k, issue.params) : t('calls.preview.problem')
  }
  const field = (q: FormQuestion, scope: 'shared' | 'partner') => {
    const values = scope === 'shared' ? answers : part
    const set = scope === 'shared' ? setAnswers : setPart
    const key = `${scope}:${q.id}`
    return (
      <QuestionField
        key={key}
        question={inLanguage(q, lang)}
        value={values[q.id]}
        inputId={`preview-${scope}-${q.id}`}
        onChange={(v) => set((a) => ({ ...a, [q.id]: v }))}
        onBlur={() => setTouched((s) => new Set(s).add(key))}
        error={problem(q, values[q.id], key)}
        context={context}
      />
    )
  }
  const partnerSections = form.sections
    .map((s) => ({ s, questions: s.questions.filter((q) => q.scope === 'partner' && partVisible.has(q.id)) }))
    .filter((x) => x.questions.length > 0)

  return (
    <Stack>
      <Alert variant="light" icon={<IconEye aria-hidden />} title={t('calls.preview.title')}>
        {t('calls.preview.intro')}
      </Alert>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <Select
          label={t('calls.preview.language')}
          allowDeselect={false}
          w={200}
          data={textLanguages.map((l) => ({ value: l, label: t(`calls.languages.${l}`) }))}
          value={lang}
          onChange={(v) => v && setLang(v)}
        />
        <Button
          variant="default"
          onClick={() => {
            setAnswers({})
            setPart({})
            setTouched(new Set())
          }}
        >
          {t('calls.preview.reset')}
        </Button>
      </Group>
      <Stack lang={lang} gap="lg">
        {form.sections.map((s, si) => {
          const questions = s.questions.filter((q) => q.scope === 'shared' && sharedVisible.has(q.id))
          return (
            <Card key={s.id} withBorder padding="lg" component="section" aria-labelledby={`preview-section-${s.id}`}>
              <Stack gap="md">
                <div>
                  <Title order={2} size="h4" id={`preview-section-${s.id}`}>
                    {localized(s.title, lang) || t('calls.builder.sectionN', { n: si + 1 })}
                  </Title>
                  {s.description && localized(s.description, lang) ? (
                    <Text size="sm" c="dimmed" mt={4}>
                      {localized(s.description, lang)}
                    </Text>
                  ) : null}
                </div>
                {questions.length === 0 ? (
                  <Text size="sm" c="dimmed" lang={i18n.language}>
                    {s.questions.some((q) => q.scope === 'shared')
                      ? t('calls.preview.sectionHidden')
                      : t('calls.preview.sectionPartnerOnly')}
                  </Text>
                ) : (
                  questions.map((q) => field(q, 'shared'))
                )}
              </Stack>
            </Card>
          )
        })}
        <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="preview-partner-part">
          <Stack gap="md">
            <div lang={i18n.language}>
              <Title order={2} size="h4" id="preview-partner-part">
                {t('calls.preview.partnerPart')}
              </Title>
              <Text size="sm" c="dimmed" mt={4}>
                {t('calls.preview.partnerPartIntro')}
              </Text>
            </div>
            {partnerSections.map(({ s, questions }) => (
              <Stack key={s.id} gap="sm">
                <Text fw={600}>{localized(s.title, lang)}</Text>
                {questions.map((q) => field(q, 'partner'))}
              </Stack>
            ))}
          </Stack>
        </Paper>
      </Stack>
    </Stack>
  )
}
