import { ActionIcon, Button, Group, Select, Stack, Text } from '@mantine/core'
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { tieBreakRuleNames } from '../../../shared/contracts/evaluation.ts'
import { localized } from '../../design-system/format.ts'
import { SettingsSection, useSettingsForm } from './setupFields.tsx'

/** The ordered tie-break rules: each a rule (a criterion rule may name one), moved up or down, removed. */
export function TieBreaksSection() {
  const { t, i18n } = useTranslation()
  const { draft: s, update, errors, view } = useSettingsForm()
  const moveRule = (i: number, by: -1 | 1) =>
    update((x) => {
      const list = [...x.tieBreaks]
      const [item] = list.splice(i, 1)
      if (item) list.splice(i + by, 0, item)
      return { ...x, tieBreaks: list }
    })
  const criterionName = (id: string) => localized(view.criteria.find((c) => c.id === id)?.name, i18n.language) || id
  return (
    <SettingsSection id="setup-tiebreaks" title={t('evaluation.setup.tieBreaks')}>
      <Text size="sm" c="dimmed">
        {t('evaluation.setup.tieBreaksHelp')}
      </Text>
      <Stack
        gap="xs"
        component="ol"
        aria-labelledby="setup-tiebreaks"
        style={{ listStyle: 'none', padding: 0, margin: 0 }}
      >
        {s.tieBreaks.map((rule, i) => {
          const name =
            rule.rule === 'criterion' && rule.criterionId
              ? t('evaluation.rule.criterionNamed', { name: criterionName(rule.criterionId) })
              : t(`evaluation.rule.${rule.rule}`)
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: the rows are positions of a list being reordered
            <Group key={i} component="li" gap="xs" align="flex-end" wrap="wrap">
              <Text w={24} fw={600} aria-hidden>
                {i + 1}.
              </Text>
              <Select
                label={t('evaluation.setup.rule', { n: i + 1 })}
                data={tieBreakRuleNames.map((r) => ({ value: r, label: t(`evaluation.rule.${r}`) }))}
                value={rule.rule}
                onChange={(v) =>
                  v &&
                  update((x) => ({
                    ...x,
                    tieBreaks: x.tieBreaks.map((r, j) =>
                      j === i ? { rule: v as (typeof tieBreakRuleNames)[number] } : r,
                    ),
                  }))
                }
                allowDeselect={false}
                error={errors[`tieBreaks.${i}.rule`]}
                style={{ flex: '1 1 220px' }}
              />
              {rule.rule === 'criterion' ? (
                <Select
                  label={t('evaluation.setup.criterion', { n: i + 1 })}
                  data={[
                    { value: '', label: t('evaluation.setup.eachCriterion') },
                    ...view.criteria.map((c) => ({ value: c.id, label: localized(c.name, i18n.language) })),
                  ]}
                  value={rule.criterionId ?? ''}
                  onChange={(v) =>
                    update((x) => ({
                      ...x,
                      tieBreaks: x.tieBreaks.map((r, j) =>
                        j === i ? (v ? { rule: 'criterion', criterionId: v } : { rule: 'criterion' }) : r,
                      ),
                    }))
                  }
                  allowDeselect={false}
                  error={errors[`tieBreaks.${i}.criterionId`]}
                  style={{ flex: '1 1 200px' }}
                />
              ) : null}
              <Group gap={4} wrap="nowrap">
                <ActionIcon
                  variant="default"
                  size="lg"
                  onClick={() => moveRule(i, -1)}
                  disabled={i === 0}
                  aria-label={t('evaluation.setup.moveUp', { name })}
                >
                  <IconArrowUp size={16} aria-hidden />
                </ActionIcon>
                <ActionIcon
                  variant="default"
                  size="lg"
                  onClick={() => moveRule(i, 1)}
                  disabled={i === s.tieBreaks.length - 1}
                  aria-label={t('evaluation.setup.moveDown', { name })}
                >
                  <IconArrowDown size={16} aria-hidden />
                </ActionIcon>
                <ActionIcon
                  variant="default"
                  size="lg"
                  color="red"
                  onClick={() => update((x) => ({ ...x, tieBreaks: x.tieBreaks.filter((_, j) => j !== i) }))}
                  aria-label={t('evaluation.setup.removeRule', { name })}
                >
                  <IconTrash size={16} aria-hidden />
                </ActionIcon>
              </Group>
            </Group>
          )
        })}
      </Stack>
      <Group>
        <Button
          variant="default"
          leftSection={<IconPlus size={16} aria-hidden />}
          onClick={() => update((x) => ({ ...x, tieBreaks: [...x.tieBreaks, { rule: 'earlier_submission' }] }))}
          disabled={s.tieBreaks.length >= 20}
        >
          {t('evaluation.setup.addRule')}
        </Button>
      </Group>
    </SettingsSection>
  )
}
