import { Button, Card, Fieldset, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { IconPlus } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { EvaluationCriterion } from '../../../../shared/contracts/calls.ts'
import { useFormat } from '../../../design-system/format.ts'
import { type CallForm, LocalizedFields, NullableNumberField, NumberField } from './fields.tsx'
import { ListControls } from './ListControls.tsx'
import { nextId, toTexts } from './values.ts'

/** The criteria evaluators will score (used by evaluation later): names, weights, thresholds, scale. */
export function EvaluationTab({ form }: { form: CallForm }) {
  const { t, i18n } = useTranslation()
  const f = useFormat()
  const ev = form.values.config.evaluation
  const path = 'config.evaluation'
  const maxTotal = ev.criteria.reduce((sum, c) => sum + c.weight * ev.scaleMax, 0)
  const add = () => {
    const criterion: EvaluationCriterion = {
      id: nextId(
        'criterion',
        ev.criteria.map((c) => c.id),
      ),
      name: toTexts(null),
      description: toTexts(null),
      weight: 1,
      threshold: null,
    }
    form.insertListItem(`${path}.criteria` as never, criterion as never)
  }
  return (
    <Stack>
      <Fieldset legend={t('calls.evaluation.scale')}>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
          <NumberField form={form} path={`${path}.scaleMin`} label={t('calls.fields.scaleMin')} required />
          <NumberField form={form} path={`${path}.scaleMax`} label={t('calls.fields.scaleMax')} required />
          <NumberField
            form={form}
            path={`${path}.scaleStep`}
            label={t('calls.fields.scaleStep')}
            min={0.1}
            step={0.5}
            required
          />
          <NullableNumberField
            form={form}
            path={`${path}.totalThreshold`}
            label={t('calls.fields.totalThreshold')}
            description={t('calls.evaluation.maxTotal', { total: f.number(maxTotal) })}
            min={0}
          />
        </SimpleGrid>
      </Fieldset>
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('calls.evaluation.criteria')}
        </Title>
        {ev.criteria.map((c, i) => {
          const name = c.name[i18n.language] || c.name.en || t('calls.evaluation.untitled', { n: i + 1 })
          return (
            <Card key={c.id} withBorder padding="md">
              <Stack gap="sm">
                <Group justify="space-between" wrap="wrap" gap="xs">
                  <Text fw={600}>{t('calls.evaluation.criterionN', { n: i + 1, name })}</Text>
                  <ListControls
                    id={`criterion-${c.id}`}
                    index={i}
                    count={ev.criteria.length}
                    name={t('calls.evaluation.itemName', { name })}
                    onMove={(from, to) => form.reorderListItem(`${path}.criteria` as never, { from, to })}
                    onRemove={() => form.removeListItem(`${path}.criteria` as never, i)}
                    removeDisabled={ev.criteria.length === 1}
                  />
                </Group>
                <LocalizedFields
                  form={form}
                  path={`${path}.criteria.${i}.name`}
                  label={t('calls.fields.criterionName')}
                  required
                />
                <LocalizedFields
                  form={form}
                  path={`${path}.criteria.${i}.description`}
                  label={t('calls.fields.criterionDescription')}
                  multiline
                />
                <SimpleGrid cols={{ base: 1, xs: 2 }} maw={520}>
                  <NumberField
                    form={form}
                    path={`${path}.criteria.${i}.weight`}
                    label={t('calls.fields.weight')}
                    min={0}
                    max={100}
                    step={0.5}
                    required
                  />
                  <NullableNumberField
                    form={form}
                    path={`${path}.criteria.${i}.threshold`}
                    label={t('calls.fields.threshold')}
                    description={t('calls.fields.noThresholdHelp')}
                    min={0}
                    step={0.5}
                  />
                </SimpleGrid>
              </Stack>
            </Card>
          )
        })}
        <Group>
          <Button
            variant="default"
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={add}
            disabled={ev.criteria.length >= 10}
          >
            {t('calls.evaluation.add')}
          </Button>
        </Group>
      </Stack>
    </Stack>
  )
}
