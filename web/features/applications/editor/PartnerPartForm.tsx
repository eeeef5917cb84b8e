import { Alert, Checkbox, Fieldset, Radio, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core'
import { IconInfoCircle } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { visibleQuestions } from '../../../../shared/calls/form-checks.ts'
import {
  type Answers,
  type ApplicationPartner,
  type PartnerPart,
  type ReadinessIssue,
  smeCategories,
} from '../../../../shared/contracts/applications.ts'
import type { CallConfig } from '../../../../shared/contracts/calls.ts'
import { costsOf, lineCap } from '../form/BudgetTable.tsx'
import { QuestionField, questionInputId } from '../form/QuestionField.tsx'
import type { FieldContext } from '../form/types.ts'
import { MoneyInput, useEuros } from '../form/ValueFields.tsx'
import { useIssueText } from './issues.ts'

type Declaration = PartnerPart['declarationOfHonour']
const declarationItems = [
  'noExclusionSituation',
  'noConflictOfInterest',
  'notLinkedToProgrammePartners',
  'noDoubleFunding',
] as const

interface PartnerPartFormProps {
  partner: ApplicationPartner
  part: PartnerPart
  config: CallConfig
  /** The shared answers (conditions of partner questions may depend on them). */
  answers: Answers
  readOnly: boolean
  set: <K extends keyof PartnerPart>(key: K, value: PartnerPart[K]) => void
  onBlur: () => void
  issues: readonly ReadinessIssue[]
  context: FieldContext
  shown: ReadonlySet<string>
  onTouched: (key: string) => void
}

/** A partner's own part: contact, role, budget line, SME declaration, declaration of honour, its answers. */
export function PartnerPartForm(props: PartnerPartFormProps) {
  const { t } = useTranslation()
  const euros = useEuros()
  const issueText = useIssueText()
  const { part, partner, readOnly, set, onBlur } = props
  const id = (name: string) => `part-${partner.id}-${name}`
  const budget = part.budget
  const caps = props.config.budget
  const cap = lineCap(budget, caps)
  const overCap = cap !== null && budget.requestedCents > cap
  const setBudget = (k: keyof PartnerPart['budget'], cents: number | null) =>
    set('budget', { ...budget, [k]: cents ?? 0 })
  const setDeclaration = (patch: Partial<Declaration>) =>
    set('declarationOfHonour', { ...part.declarationOfHonour, ...patch })
  const visible = visibleQuestions(props.config.form, props.answers, part.answers)
  const partnerQuestions = props.config.form.sections.flatMap((s) =>
    s.questions.filter((q) => q.scope === 'partner' && visible.has(q.id)),
  )
  const computed = partner.facts.smeStatus
  const declared = part.smeDeclaration.category
  const issueFor = (questionId: string) => {
    if (!props.shown.has(questionInputId(questionId, partner.id))) return null
    const i = props.issues.find((x) => x.partnerId === partner.id && x.questionId === questionId)
    return i ? issueText(i) : null
  }

  return (
    <Stack gap="md">
      <Fieldset legend={t('applications.part.contact')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            id={id('contactName')}
            label={t('applications.part.contactName')}
            required
            value={part.contactName}
            readOnly={readOnly}
            maxLength={200}
            onChange={(e) => set('contactName', e.currentTarget.value)}
            onBlur={onBlur}
          />
          <TextInput
            id={id('contactEmail')}
            type="email"
            label={t('applications.part.contactEmail')}
            required
            value={part.contactEmail}
            readOnly={readOnly}
            onChange={(e) => set('contactEmail', e.currentTarget.value)}
            onBlur={onBlur}
          />
        </SimpleGrid>
        <Textarea
          mt="sm"
          id={id('role')}
          label={t('applications.part.role')}
          description={t('applications.part.roleHelp')}
          required
          value={part.role}
          readOnly={readOnly}
          maxLength={2000}
          autosize
          minRows={3}
          onChange={(e) => set('role', e.currentTarget.value)}
          onBlur={onBlur}
        />
      </Fieldset>

      <Fieldset legend={t('applications.part.budget')} id={id('budget')}>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <MoneyInput
              label={t('applications.budget.personnel')}
              cents={budget.personnelCents}
              onCents={(c) => setBudget('personnelCents', c)}
              readOnly={readOnly}
              onBlur={onBlur}
            />
            <MoneyInput
              label={t('applications.budget.subcontracting')}
              cents={budget.subcontractingCents}
              onCents={(c) => setBudget('subcontractingCents', c)}
              readOnly={readOnly}
              onBlur={onBlur}
            />
            <MoneyInput
              label={t('applications.budget.other')}
              cents={budget.otherCostsCents}
              onCents={(c) => setBudget('otherCostsCents', c)}
              readOnly={readOnly}
              onBlur={onBlur}
            />
          </SimpleGrid>
          <Text size="sm">{t('applications.part.costsTotal', { total: euros(costsOf(budget)) })}</Text>
          <MoneyInput
            id={id('requested')}
            label={t('applications.budget.requested')}
            description={cap !== null ? t('applications.part.requestedCap', { cap: euros(cap) }) : undefined}
            required
            cents={budget.requestedCents}
            onCents={(c) => setBudget('requestedCents', c)}
            readOnly={readOnly}
            onBlur={onBlur}
            error={overCap && cap !== null ? t('applications.part.overCap', { cap: euros(cap) }) : null}
            maw={320}
          />
        </Stack>
      </Fieldset>

      <Fieldset legend={t('applications.part.sme')} id={id('sme')}>
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {computed
              ? t('applications.part.smeComputed', { category: t(`applications.partners.smeCategories.${computed}`) })
              : t('applications.part.smeUnknown')}
          </Text>
          <Radio.Group
            label={t('applications.part.smeCategory')}
            required
            value={declared}
            onChange={(v) =>
              set('smeDeclaration', { ...part.smeDeclaration, category: v as (typeof smeCategories)[number] })
            }
            readOnly={readOnly}
          >
            <Stack gap={6} mt="xs">
              {smeCategories.map((c) => (
                <Radio key={c} value={c} label={t(`applications.partners.smeCategories.${c}`)} disabled={readOnly} />
              ))}
            </Stack>
          </Radio.Group>
          {computed && declared && computed !== declared ? (
            <Alert color="yellow" variant="light" icon={<IconInfoCircle aria-hidden />} p="xs">
              {t('applications.part.smeDiffers', {
                declared: t(`applications.partners.smeCategories.${declared}`),
                computed: t(`applications.partners.smeCategories.${computed}`),
              })}
            </Alert>
          ) : null}
          <Checkbox
            label={t('applications.part.smeConfirm')}
            checked={part.smeDeclaration.confirmed}
            disabled={readOnly}
            onChange={(e) => {
              set('smeDeclaration', { ...part.smeDeclaration, confirmed: e.currentTarget.checked })
              onBlur()
            }}
          />
        </Stack>
      </Fieldset>

      <Fieldset legend={t('applications.part.declaration')} id={id('declaration')}>
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('applications.part.declarationIntro')}
          </Text>
          {declarationItems.map((k) => (
            <Checkbox
              key={k}
              label={t(`applications.part.declarations.${k}`)}
              checked={part.declarationOfHonour[k]}
              disabled={readOnly}
              onChange={(e) => {
                setDeclaration({ [k]: e.currentTarget.checked })
                onBlur()
              }}
            />
          ))}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('applications.part.signatoryName')}
              required
              value={part.declarationOfHonour.signatoryName}
              readOnly={readOnly}
              maxLength={200}
              onChange={(e) => setDeclaration({ signatoryName: e.currentTarget.value })}
              onBlur={onBlur}
            />
            <TextInput
              label={t('applications.part.signatoryRole')}
              value={part.declarationOfHonour.signatoryRole}
              readOnly={readOnly}
              maxLength={200}
              onChange={(e) => setDeclaration({ signatoryRole: e.currentTarget.value })}
              onBlur={onBlur}
            />
          </SimpleGrid>
        </Stack>
      </Fieldset>

      {partnerQuestions.length > 0 ? (
        <Fieldset legend={t('applications.part.questions')}>
          <Stack gap="md">
            {partnerQuestions.map((q) => (
              <QuestionField
                key={q.id}
                question={q}
                value={part.answers[q.id]}
                onChange={(v) => set('answers', { ...part.answers, [q.id]: v })}
                onBlur={() => {
                  props.onTouched(questionInputId(q.id, partner.id))
                  onBlur()
                }}
                readOnly={readOnly}
                inputId={questionInputId(q.id, partner.id)}
                error={issueFor(q.id)}
                context={props.context}
              />
            ))}
          </Stack>
        </Fieldset>
      ) : null}
    </Stack>
  )
}
