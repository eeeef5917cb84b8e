import { Alert, Anchor, Badge, Box, Button, Card, Group, Stack, Text, Title } from '@mantine/core'
import type { TFunction } from 'i18next'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { CallDetailPageProps, PublicCall } from '../../../shared/contracts/call-pages.ts'
import type { CallQuestion } from '../../../shared/contracts/calls.ts'
import { localized, useFormat } from '../../design-system/format.ts'
import { Breadcrumbs } from '../catalogue/Breadcrumbs.tsx'
import { challengeHref } from '../catalogue/catalogue-links.ts'
import { AskQuestion } from './AskQuestion.tsx'
import { CallCountdown } from './CallCountdown.tsx'
import { CallFacts } from './CallFacts.tsx'
import { PhaseBadge } from './CallList.tsx'
import { CallRules } from './CallRules.tsx'
import { fileSize, fileType, inZone } from './call-format.ts'
import { callsHref } from './links.ts'

/** The public page of a call: everything an applicant needs to decide and prepare, without signing in. */
export function CallDetail({ programme, call, questions, applyHref }: CallDetailPageProps) {
  const { t, i18n } = useTranslation()
  const title = localized(call.title, i18n.language)
  return (
    <Stack gap="xl">
      <Breadcrumbs
        items={[
          { label: programme.acronym, href: '/' },
          { label: t('calls.public.list.title'), href: callsHref },
          { label: call.code },
        ]}
      />
      <Box component="article" aria-labelledby="call-title">
        <Group gap="xs" mb="sm" wrap="wrap">
          <Badge variant="filled" color="cascade">
            {call.code}
          </Badge>
          <PhaseBadge phase={call.phase} />
        </Group>
        <Title order={1} id="call-title" fz={{ base: 26, sm: 36 }} lh={1.2} mb="md">
          {title}
        </Title>
        <Text fz={{ base: 'md', sm: 'lg' }} maw={760} mb="xl" style={{ whiteSpace: 'pre-line' }}>
          {localized(call.summary, i18n.language)}
        </Text>
        <Stack gap="xl" maw={980}>
          <DeadlineCard call={call} applyHref={applyHref} />
          <Section id="facts" title={t('calls.public.facts.title')}>
            <CallFacts call={call} />
          </Section>
          <Section id="challenges" title={t('calls.public.challenges.title')}>
            {call.challenges.length === 0 ? (
              <Text c="dimmed">{t('calls.public.challenges.none')}</Text>
            ) : (
              <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
                {call.challenges.map((c) => (
                  <Group component="li" key={c.id} gap="xs" wrap="wrap">
                    <Anchor href={challengeHref(c.slug)}>{localized(c.title, i18n.language)}</Anchor>
                    <Text span size="sm" c="dimmed">
                      {c.domainCode}
                      {c.trlMin !== null && c.trlMax !== null
                        ? ` · ${t('calls.public.facts.trlRange', { min: c.trlMin, max: c.trlMax })}`
                        : ''}
                    </Text>
                  </Group>
                ))}
              </Stack>
            )}
          </Section>
          <Section id="rules" title={t('calls.public.rules.title')}>
            <CallRules call={call} />
          </Section>
          <Section id="documents" title={t('calls.public.documents.title')}>
            <Documents call={call} />
          </Section>
          <Section id="questions" title={t('calls.public.questions.title')}>
            <Questions questions={questions} call={call} />
          </Section>
          {call.versions.length > 1 ? (
            <Section id="changes" title={t('calls.public.changes.title')}>
              <Changes call={call} />
            </Section>
          ) : null}
        </Stack>
      </Box>
      <Anchor href={callsHref}>{t('calls.public.back')}</Anchor>
    </Stack>
  )
}

function DeadlineCard({ call, applyHref }: { call: PublicCall; applyHref: string | null }) {
  const { t } = useTranslation()
  const f = useFormat()
  const s = call.schedule
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="deadline-title">
      <Title order={2} id="deadline-title" size="h4" mb="xs">
        {t('calls.public.deadline.title')}
      </Title>
      <CallCountdown
        phase={call.phase}
        opensAt={s.opensAt}
        deadline={s.deadline}
        timeZone={s.timeZone}
        serverNow={call.serverNow}
      />
      <Box mt="md">
        {call.phase === 'cancelled' ? (
          <Alert color="red" title={t('calls.public.status.cancelled')}>
            {t('calls.public.status.cancelledText')}
          </Alert>
        ) : call.phase === 'closed' ? (
          <Text>{t('calls.public.status.closed')}</Text>
        ) : call.phase === 'scheduled' ? (
          <Text suppressHydrationWarning>{t('calls.public.status.scheduled', inZone(f, s.opensAt, s.timeZone))}</Text>
        ) : applyHref ? (
          <Group gap="sm" wrap="wrap">
            <Button component="a" href={applyHref} size="md">
              {t('calls.public.apply')}
            </Button>
            <Text size="sm" c="dimmed">
              {t('calls.public.applyHint')}
            </Text>
          </Group>
        ) : null}
      </Box>
    </Card>
  )
}

function Documents({ call }: { call: PublicCall }) {
  const { t, i18n } = useTranslation()
  const f = useFormat()
  if (call.documents.length === 0) return <Text c="dimmed">{t('calls.public.documents.none')}</Text>
  return (
    <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
      {call.documents.map((d) => (
        <li key={d.id}>
          <Anchor href={d.url}>{localized(d.title, i18n.language)}</Anchor>{' '}
          <Text span size="sm" c="dimmed" suppressHydrationWarning>
            ({t(`calls.public.documents.kinds.${d.kind}`)}, {fileType(d.contentType)}, {fileSize(f, d.byteSize)})
          </Text>
        </li>
      ))}
    </Stack>
  )
}

function Questions({ questions, call }: { questions: CallQuestion[]; call: PublicCall }) {
  const { t } = useTranslation()
  const f = useFormat()
  const cutOff = call.schedule.qaClosesAt ?? call.schedule.deadline
  return (
    <Stack gap="md">
      {(call.phase === 'scheduled' || call.phase === 'open') && new Date(cutOff).getTime() > Date.now() ? (
        <Stack gap="sm">
          <Text size="sm" suppressHydrationWarning>
            {t('calls.public.questions.askUntil', inZone(f, cutOff, call.schedule.timeZone))}
          </Text>
          <AskQuestion callId={call.id} callCode={call.code} />
        </Stack>
      ) : null}
      {questions.length === 0 ? (
        <Text c="dimmed">{t('calls.public.questions.none')}</Text>
      ) : (
        <Stack component="ol" gap="md" p={0} m={0} style={{ listStyle: 'none' }}>
          {questions.map((q) => (
            <Card component="li" key={q.id} withBorder radius="md" padding="md">
              <Text fw={700} lang={q.language} style={{ whiteSpace: 'pre-line' }}>
                {q.question}
              </Text>
              <Text mt="xs" style={{ whiteSpace: 'pre-line' }}>
                {q.answer}
              </Text>
            </Card>
          ))}
        </Stack>
      )}
    </Stack>
  )
}

function Changes({ call }: { call: PublicCall }) {
  const { t, i18n } = useTranslation()
  const f = useFormat()
  return (
    <Stack component="ol" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
      {[...call.versions].reverse().map((v) => (
        <li key={v.version}>
          <Text fw={700} suppressHydrationWarning>
            {t('calls.public.changes.version', {
              n: v.version,
              date: f.dateTime(v.createdAt, call.schedule.timeZone),
            })}
          </Text>
          <Text style={{ whiteSpace: 'pre-line' }}>
            {v.changeLog ? localized(v.changeLog, i18n.language) : t('calls.public.changes.opened')}
          </Text>
        </li>
      ))}
    </Stack>
  )
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Box component="section" aria-labelledby={`${id}-title`} id={id}>
      <Title order={2} id={`${id}-title`} size="h3" mb="sm">
        {title}
      </Title>
      {children}
    </Box>
  )
}

/** Head of a call page: its code and title, its summary; Open Graph the same. */
export function callHead({ programme, call }: CallDetailPageProps, locale: string, t: TFunction) {
  const label = `${call.code} · ${localized(call.title, locale)}`
  const summary = localized(call.summary, locale) || t('calls.public.list.intro', { acronym: programme.acronym })
  return {
    title: t('calls.public.detail.documentTitle', { label, acronym: programme.acronym, app: t('app.name') }),
    description: summary,
    ogTitle: label,
    ogDescription: summary,
  }
}
