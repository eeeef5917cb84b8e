import {
  ActionIcon,
  Button,
  Fieldset,
  Group,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core'
import { IconPlus, IconTrash } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { referenceClientTypes } from '../../../shared/contracts/solutions.ts'
import { CountrySelect } from '../../design-system/CountrySelect.tsx'
import type { ReferenceValues, SolutionFormValues } from './SolutionForm.tsx'

/** References and deployments: who uses or tested the solution, where and when. */
/** What the editor needs of the solution form (a structural slice of Mantine's form). */
interface SolutionFormApi {
  values: SolutionFormValues
  key: (path: string) => string
  // biome-ignore lint/suspicious/noExplicitAny: Mantine's input props are untyped spreads
  getInputProps: (path: string) => any
  insertListItem: (path: 'content.references', item: ReferenceValues) => void
  removeListItem: (path: 'content.references', index: number) => void
}

export function ReferencesEditor({ form }: { form: SolutionFormApi }) {
  const { t } = useTranslation()
  const items = form.values.content.references
  return (
    <Fieldset legend={t('solutions.sections.references')}>
      <Stack>
        <Text size="sm" c="dimmed">
          {t('solutions.references.help')}
        </Text>
        {items.length === 0 ? (
          <Text size="sm" fs="italic">
            {t('solutions.references.none')}
          </Text>
        ) : null}
        {items.map((_, i) => (
          <Paper key={form.key(`content.references.${i}`)} withBorder p="sm" radius="sm">
            <Stack gap="xs">
              <Group justify="space-between">
                <Text size="sm" fw={600}>
                  {t('solutions.references.item', { n: i + 1 })}
                </Text>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={t('solutions.references.remove', { n: i + 1 })}
                  onClick={() => form.removeListItem('content.references', i)}
                >
                  <IconTrash size={16} aria-hidden />
                </ActionIcon>
              </Group>
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                <Select
                  label={t('solutions.references.clientType')}
                  required
                  allowDeselect={false}
                  data={referenceClientTypes.map((c) => ({ value: c, label: t(`solutions.clientTypes.${c}`) }))}
                  {...form.getInputProps(`content.references.${i}.clientType`)}
                />
                <CountrySelect
                  label={t('solutions.references.country')}
                  required
                  {...form.getInputProps(`content.references.${i}.country`)}
                />
                <NumberInput
                  label={t('solutions.references.year')}
                  required
                  min={1980}
                  max={2100}
                  allowDecimal={false}
                  {...form.getInputProps(`content.references.${i}.year`)}
                />
              </SimpleGrid>
              <TextInput
                label={t('solutions.references.description')}
                required
                maxLength={500}
                {...form.getInputProps(`content.references.${i}.description`)}
              />
            </Stack>
          </Paper>
        ))}
        <div>
          <Button
            variant="default"
            leftSection={<IconPlus size={16} aria-hidden />}
            disabled={items.length >= 30}
            onClick={() =>
              form.insertListItem('content.references', {
                clientType: 'public_authority',
                country: '',
                year: new Date().getFullYear(),
                description: '',
              })
            }
          >
            {t('solutions.references.add')}
          </Button>
        </div>
      </Stack>
    </Fieldset>
  )
}
