import { Button, Group, ScrollArea } from '@mantine/core'
import { Link } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'

/** The pages of one call's evaluation, in the order the work is done. */
export const evaluationTabs = [
  'setup',
  'assignment',
  'progress',
  'consensus',
  'ranking',
  'selection',
  'decisions',
  'redress',
] as const
export type EvaluationTab = (typeof evaluationTabs)[number]

/**
 * The operators' navigation between the pages of a call's evaluation (`/app/evaluation/<callId>/<tab>`).
 * Links, not ARIA tabs: each is a page of its own with its own address.
 */
export function EvaluationTabs({ callId, active }: { callId: string; active: EvaluationTab }) {
  const { t } = useTranslation()
  return (
    <ScrollArea type="auto" offsetScrollbars component="nav" aria-label={t('evaluation.tabs.label')}>
      <Group gap={4} wrap="nowrap">
        {evaluationTabs.map((tab) => (
          <Button
            key={tab}
            component={Link}
            to={`/app/evaluation/${callId}/${tab}`}
            variant={tab === active ? 'filled' : 'subtle'}
            size="compact-sm"
            // Full labels, scrolled sideways in the strip on a phone rather than squeezed and cut.
            style={{ flexShrink: 0 }}
            aria-current={tab === active ? 'page' : undefined}
          >
            {t(`evaluation.tabs.${tab}`)}
          </Button>
        ))}
      </Group>
    </ScrollArea>
  )
}
