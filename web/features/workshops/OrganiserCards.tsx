import { Badge, Button, Card, Checkbox, Group, MultiSelect, Stack, Table, Text, Textarea, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { type UseQueryResult, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Registration, Workshop } from '../../../shared/contracts/workshops.ts'
import { api } from '../../app/api.ts'
import { useFormat } from '../../design-system/format.ts'
import { ErrorAlert } from '../../design-system/forms.tsx'
import { workshopKeys, workshopsApi } from './api.ts'

/** Invite whole organisations (all their members) and people by e-mail. */
export function InviteCard({ workshopId }: { workshopId: string }) {
  const { t } = useTranslation()
  const [organisationIds, setOrganisationIds] = useState<string[]>([])
  const [emails, setEmails] = useState('')
  const orgs = useQuery({
    queryKey: ['organisations', { pageSize: 100, sort: 'legalName' }],
    queryFn: () => api.organisations({ pageSize: 100, sort: 'legalName' }),
    retry: false,
  })
  const invite = useMutation({
    mutationFn: () =>
      workshopsApi.invite(workshopId, {
        organisationIds,
        emails: emails
          .split(/[\s,;]+/)
          .map((e) => e.trim())
          .filter(Boolean),
      }),
    onSuccess: (r) => {
      notifications.show({ color: 'green', message: t('workshops.invite.sent', { count: r.invited.length }) })
      setOrganisationIds([])
      setEmails('')
    },
  })
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="ws-invite">
      <Title order={2} size="h3" id="ws-invite" mb="md">
        {t('workshops.invite.title')}
      </Title>
      <form
        onSubmit={(e) => {
          e.preventDefault()
          invite.mutate()
        }}
      >
        <Stack>
          <ErrorAlert error={invite.error} />
          {orgs.data ? (
            <MultiSelect
              label={t('workshops.invite.organisations')}
              searchable
              clearable
              data={orgs.data.items.map((o) => ({ value: o.id, label: o.legalName }))}
              value={organisationIds}
              onChange={setOrganisationIds}
            />
          ) : null}
          <Textarea
            label={t('workshops.invite.emails')}
            description={t('workshops.invite.emailsHelp')}
            autosize
            minRows={2}
            value={emails}
            onChange={(e) => setEmails(e.currentTarget.value)}
          />
          <Group>
            <Button type="submit" loading={invite.isPending} disabled={!organisationIds.length && !emails.trim()}>
              {t('workshops.invite.send')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  )
}

const statusColor: Record<Registration['status'], string> = {
  pending: 'yellow',
  approved: 'green',
  rejected: 'red',
  waitlisted: 'orange',
  cancelled: 'gray',
}

/** Registrations in queue order: approve or reject, and mark attendance once the workshop started. */
export function RegistrationsCard({
  workshop,
  query,
}: {
  workshop: Workshop
  query: UseQueryResult<{ items: Registration[] }>
}) {
  const { t } = useTranslation()
  const f = useFormat()
  const queryClient = useQueryClient()
  const started = new Date(workshop.startsAt).getTime() <= Date.now()
  const change = useMutation({
    mutationFn: (a: { id: string; decision?: 'approved' | 'rejected'; attended?: boolean }) =>
      a.decision
        ? workshopsApi.decide(workshop.id, a.id, a.decision)
        : workshopsApi.attendance(workshop.id, a.id, a.attended === true),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: workshopKeys.registrations(workshop.id) }),
  })
  const items = query.data?.items ?? []
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h3" id="ws-registrations" mb="md">
        {t('workshops.registrations.title')}
      </Title>
      <ErrorAlert error={query.error ?? change.error} />
      {items.length === 0 ? (
        <Text c="dimmed">{t('workshops.registrations.empty')}</Text>
      ) : (
        <Table.ScrollContainer
          minWidth={560}
          type="native"
          tabIndex={0}
          role="region"
          aria-labelledby="ws-registrations"
        >
          <Table verticalSpacing="sm" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('workshops.registrations.person')}</Table.Th>
                <Table.Th>{t('workshops.fields.status')}</Table.Th>
                <Table.Th>{t('workshops.registrations.registeredAt')}</Table.Th>
                <Table.Th>{t('workshops.registrations.attended')}</Table.Th>
                <Table.Th>{t('common.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Th scope="row" fw={500}>
                    {r.name}
                    <Text size="xs" c="dimmed">
                      {r.email}
                    </Text>
                  </Table.Th>
                  <Table.Td>
                    <Badge variant="light" color={statusColor[r.status]}>
                      {t(`workshops.registrationStatus.${r.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td className="nowrap">{f.dateShort(r.createdAt)}</Table.Td>
                  <Table.Td>
                    {r.status === 'approved' ? (
                      <Checkbox
                        aria-label={t('workshops.registrations.attendedOf', { name: r.name })}
                        checked={r.attended === true}
                        disabled={!started}
                        title={started ? undefined : t('errors.attendance_before_start')}
                        onChange={(e) => change.mutate({ id: r.id, attended: e.currentTarget.checked })}
                      />
                    ) : (
                      '—'
                    )}
                  </Table.Td>
                  <Table.Td>
                    {r.status === 'pending' || r.status === 'waitlisted' ? (
                      <Group gap="xs" wrap="nowrap">
                        <Button
                          size="xs"
                          aria-label={t('workshops.registrations.approveOf', { name: r.name })}
                          onClick={() => change.mutate({ id: r.id, decision: 'approved' })}
                        >
                          {t('workshops.registrations.approve')}
                        </Button>
                        <Button
                          size="xs"
                          variant="default"
                          aria-label={t('workshops.registrations.rejectOf', { name: r.name })}
                          onClick={() => change.mutate({ id: r.id, decision: 'rejected' })}
                        >
                          {t('workshops.registrations.reject')}
                        </Button>
                      </Group>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  )
}

/** Which use cases are put to the vote (accepted or submitted use cases the organiser can see). */
export function UseCasePicker({ workshop, onSaved }: { workshop: Workshop; onSaved: (w: Workshop) => Promise<void> }) {
  const { t } = useTranslation()
  const [value, setValue] = useState<string[]>(workshop.useCaseIds)
  useEffect(() => setValue(workshop.useCaseIds), [workshop.useCaseIds])
  const options = useQuery({
    queryKey: workshopKeys.pickerOptions({ status: 'accepted|submitted' }),
    queryFn: async () => {
      const [accepted, submitted] = await Promise.all([
        workshopsApi.listUseCases({ status: 'accepted', pageSize: 100 }),
        workshopsApi.listUseCases({ status: 'submitted', pageSize: 100 }),
      ])
      return [...accepted.items, ...submitted.items]
    },
  })
  const save = useMutation({
    mutationFn: () => workshopsApi.setUseCases(workshop.id, value),
    onSuccess: async (w) => {
      await onSaved(w)
      notifications.show({ color: 'green', message: t('workshops.useCases.saved') })
    },
  })
  const known = new Map((options.data ?? []).map((u) => [u.id, `${u.reference} · ${u.title}`]))
  const data = [...new Set([...value, ...known.keys()])].map((id) => ({ value: id, label: known.get(id) ?? id }))
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="ws-use-cases">
      <Title order={2} size="h3" id="ws-use-cases" mb="md">
        {t('workshops.useCases.title')}
      </Title>
      <Stack>
        <ErrorAlert error={options.error ?? save.error} />
        <MultiSelect
          label={t('workshops.useCases.label')}
          description={t('workshops.useCases.help')}
          searchable
          clearable
          data={data}
          value={value}
          onChange={setValue}
        />
        <Group>
          <Button onClick={() => save.mutate()} loading={save.isPending}>
            {t('workshops.useCases.save')}
          </Button>
        </Group>
      </Stack>
    </Card>
  )
}
