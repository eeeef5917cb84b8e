import { Button, CopyButton, Group, Modal, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { IconCopy } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { useFormat } from '../../../design-system/format.ts'

export interface ConflictEntry {
  key: string
  /** The question or field, in words. */
  title: string
  yours: string
  theirs: string
  by: string | null
  at: string | null
  /** Raw text of the person's version, for the clipboard. */
  copy: string
}

interface ConflictDialogProps {
  opened: boolean
  entries: ConflictEntry[]
  onKeep: (key: string) => void
  onTake: (key: string) => void
  onClose: () => void
}

/**
 * Someone else saved the same answer meanwhile: both versions side by side, who and when, and a choice
 * per answer. Nothing is written until the person chooses; their text can be copied first.
 */
export function ConflictDialog({ opened, entries, onKeep, onTake, onClose }: ConflictDialogProps) {
  const { t } = useTranslation()
  const f = useFormat()
  return (
    <Modal opened={opened && entries.length > 0} onClose={onClose} title={t('applications.conflict.title')} size="xl">
      <Stack>
        <Text size="sm">{t('applications.conflict.text', { count: entries.length })}</Text>
        {entries.map((e) => (
          <Paper key={e.key} withBorder p="sm" radius="md" component="section" aria-labelledby={`conflict-${e.key}`}>
            <Stack gap="xs">
              <Title order={3} size="h5" id={`conflict-${e.key}`}>
                {e.title}
              </Title>
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <Stack gap={4}>
                  <Text size="xs" fw={700} c="dimmed">
                    {t('applications.conflict.yours')}
                  </Text>
                  <Paper bg="blue.0" p="xs" radius="sm">
                    <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                      {e.yours}
                    </Text>
                  </Paper>
                </Stack>
                <Stack gap={4}>
                  <Text size="xs" fw={700} c="dimmed">
                    {e.by && e.at
                      ? t('applications.conflict.theirsBy', { name: e.by, time: f.dateTime(e.at) })
                      : e.at
                        ? t('applications.conflict.theirsAt', { time: f.dateTime(e.at) })
                        : t('applications.conflict.theirs')}
                  </Text>
                  <Paper bg="gray.0" p="xs" radius="sm">
                    <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                      {e.theirs}
                    </Text>
                  </Paper>
                </Stack>
              </SimpleGrid>
              <Group gap="xs" justify="flex-end" wrap="wrap">
                <CopyButton value={e.copy}>
                  {({ copied, copy }) => (
                    <Button variant="subtle" size="xs" leftSection={<IconCopy size={14} aria-hidden />} onClick={copy}>
                      {copied ? t('common.copied') : t('applications.conflict.copyMine')}
                    </Button>
                  )}
                </CopyButton>
                <Button variant="default" size="xs" onClick={() => onTake(e.key)}>
                  {t('applications.conflict.takeTheirs')}
                </Button>
                <Button size="xs" onClick={() => onKeep(e.key)}>
                  {t('applications.conflict.keepMine')}
                </Button>
              </Group>
            </Stack>
          </Paper>
        ))}
        <Group justify="flex-end">
          <Button variant="subtle" onClick={onClose}>
            {t('applications.conflict.later')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
