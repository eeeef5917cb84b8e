import {
  ActionIcon,
  Button,
  Fieldset,
  Group,
  Input,
  NumberInput,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core'
import { IconPlus, IconTrash } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { WorkPlanValue } from '../../../../shared/contracts/applications.ts'
import { asWorkPlan, type FieldProps } from './types.ts'

type Item = WorkPlanValue['milestones'][number]
type ListKey = 'milestones' | 'deliverables'

/** Duration, then milestones and deliverables, each with the month it is due. */
export function WorkPlanField(props: FieldProps<'work_plan', WorkPlanValue | undefined>) {
  const { t } = useTranslation()
  const q = props.question
  const plan = asWorkPlan(props.value)
  const months = plan.durationMonths ?? q.maxMonths
  const set = (next: Partial<WorkPlanValue>) => props.onChange({ ...plan, ...next })
  const setItem = (key: ListKey, index: number, patch: Partial<Item>) =>
    set({ [key]: plan[key].map((it, i) => (i === index ? { ...it, ...patch } : it)) })
  const add = (key: ListKey) =>
    set({
      [key]: [
        ...plan[key],
        { title: '', month: Math.min(months, Math.max(1, plan[key].at(-1)?.month ?? 1)), description: '' },
      ],
    })
  const remove = (key: ListKey) => (index: number) => {
    set({ [key]: plan[key].filter((_, i) => i !== index) })
    props.onBlur?.()
  }

  const list = (key: ListKey, min: number) => (
    <Fieldset
      legend={t(`applications.workPlan.${key}`)}
      variant="filled"
      p={{ base: 'xs', sm: 'md' }}
      aria-describedby={`${props.inputId}-${key}-hint`}
    >
      <Stack gap="sm">
        <Text size="xs" c="dimmed" id={`${props.inputId}-${key}-hint`}>
          {t(`applications.workPlan.${key}Hint`, { count: min })}
        </Text>
        {plan[key].map((item, index) => {
          const n = index + 1
          const name = t(`applications.workPlan.${key}One`, { n })
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: items have no identity of their own
            <Stack key={index} gap={6} p="xs" style={{ borderLeft: '3px solid var(--mantine-color-gray-4)' }}>
              <Group gap="xs" align="flex-end" wrap="wrap">
                <TextInput
                  label={t('applications.workPlan.title', { item: name })}
                  value={item.title}
                  readOnly={props.readOnly}
                  maxLength={200}
                  onChange={(e) => setItem(key, index, { title: e.currentTarget.value })}
                  onBlur={props.onBlur}
                  style={{ flex: '1 1 14rem' }}
                />
                <NumberInput
                  label={t('applications.workPlan.month', { item: name })}
                  value={item.month}
                  min={1}
                  max={months}
                  allowDecimal={false}
                  readOnly={props.readOnly}
                  onChange={(v) => setItem(key, index, { month: v === '' ? 1 : Number(v) })}
                  onBlur={props.onBlur}
                  w={130}
                  error={item.month > months ? t('applications.workPlan.afterEnd', { months }) : null}
                />
                {!props.readOnly ? (
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    size="lg"
                    mb={4}
                    aria-label={t('applications.workPlan.remove', { item: name })}
                    onClick={() => remove(key)(index)}
                  >
                    <IconTrash size={18} aria-hidden />
                  </ActionIcon>
                ) : null}
              </Group>
              <Textarea
                label={t('applications.workPlan.description', { item: name })}
                value={item.description}
                readOnly={props.readOnly}
                maxLength={1000}
                autosize
                minRows={1}
                maxRows={6}
                onChange={(e) => setItem(key, index, { description: e.currentTarget.value })}
                onBlur={props.onBlur}
              />
            </Stack>
          )
        })}
        {!props.readOnly ? (
          <Button
            variant="light"
            size="xs"
            w="fit-content"
            leftSection={<IconPlus size={14} aria-hidden />}
            onClick={() => add(key)}
          >
            {t(`applications.workPlan.add.${key}`)}
          </Button>
        ) : null}
      </Stack>
    </Fieldset>
  )

  return (
    <Input.Wrapper
      label={props.label}
      description={props.help}
      error={props.error}
      labelElement="div"
      labelProps={{ id: `${props.inputId}-label` }}
    >
      <Stack gap="md" mt={6} role="group" aria-labelledby={`${props.inputId}-label`}>
        <NumberInput
          id={props.inputId}
          label={t('applications.workPlan.duration')}
          description={t('applications.workPlan.durationHelp', { max: q.maxMonths })}
          value={plan.durationMonths ?? ''}
          min={1}
          max={q.maxMonths}
          allowDecimal={false}
          readOnly={props.readOnly}
          onChange={(v) => set({ durationMonths: v === '' ? null : Number(v) })}
          onBlur={props.onBlur}
          w={220}
        />
        {list('milestones', q.minMilestones)}
        {list('deliverables', q.minDeliverables)}
      </Stack>
    </Input.Wrapper>
  )
}
