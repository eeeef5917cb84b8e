import { Button, Group, Modal, SegmentedControl, Select, Stack, Text, Textarea, TextInput } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type ConsortiumSource, consortiumLimits } from '../../../shared/contracts/consortia.ts'
import { ErrorAlert } from '../../design-system/forms.tsx'
import { consortiaApi, consortiaKeys } from './api.ts'

/** An organisation already chosen elsewhere (a recommendation, an accepted interest, a meeting). */
export interface InvitePreset {
  organisationId: string
  name: string | null
  source: ConsortiumSource
  sourceRef?: string
}

/**
 * Invite a partner: an organisation found by name, or an e-mail address (the invitee signs in or up and
 * chooses its organisation); or, with `preset`, the organisation found through another tool.
 */
export function InviteDialog(props: {
  consortiumId: string
  opened: boolean
  onClose: () => void
  preset?: InvitePreset | null
  /** After a successful invitation (before `onClose`). */
  onInvited?: (consortiumId: string) => void
}) {
  const { t } = useTranslation()
  const qc = useQueryClient()
  const [mode, setMode] = useState<'organisation' | 'email'>('organisation')
  const [search, setSearch] = useState('')
  const [debounced] = useDebouncedValue(search, 250)
  const [organisationId, setOrganisationId] = useState<string | null>(null)
  const [email, setEmail] = useState('')
  const [role, setRole] = useState('')
  const [message, setMessage] = useState('')
  const preset = props.preset ?? null
  const candidates = useQuery({
    queryKey: consortiaKeys.candidates(props.consortiumId, debounced),
    queryFn: () => consortiaApi.candidates(props.consortiumId, debounced),
    enabled: props.opened && !preset && mode === 'organisation' && debounced.trim().length >= 2,
  })
  const invite = useMutation({
    mutationFn: () =>
      consortiaApi.invite(
        props.consortiumId,
        preset
          ? { organisationId: preset.organisationId, source: preset.source, sourceRef: preset.sourceRef, role, message }
          : mode === 'email'
            ? { email: email.trim(), role, message }
            : { organisationId: organisationId ?? undefined, role, message },
      ),
    onSuccess: (c) => {
      qc.setQueryData(consortiaKeys.one(c.id), c)
      qc.invalidateQueries({ queryKey: consortiaKeys.all })
      setOrganisationId(null)
      setEmail('')
      setRole('')
      setMessage('')
      setSearch('')
      props.onInvited?.(c.id)
      props.onClose()
    },
  })
  const ready = preset !== null || (mode === 'email' ? /\S+@\S+\.\S+/.test(email) : organisationId !== null)
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={t('consortia.invite.title')} centered size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault()
          if (ready) invite.mutate()
        }}
        noValidate
      >
        <Stack>
          {preset ? (
            <Text size="sm">
              {t('consortia.invite.preset', { name: preset.name ?? t('consortia.hiddenOrganisation') })}
            </Text>
          ) : (
            <>
              <SegmentedControl
                value={mode}
                onChange={(v) => setMode(v as 'organisation' | 'email')}
                data={[
                  { value: 'organisation', label: t('consortia.invite.byOrganisation') },
                  { value: 'email', label: t('consortia.invite.byEmail') },
                ]}
                aria-label={t('consortia.invite.how')}
              />
              {mode === 'organisation' ? (
                <Select
                  label={t('consortia.invite.organisation')}
                  description={t('consortia.invite.organisationHelp')}
                  searchable
                  required
                  searchValue={search}
                  onSearchChange={setSearch}
                  value={organisationId}
                  onChange={setOrganisationId}
                  filter={({ options }) => options}
                  nothingFoundMessage={
                    debounced.trim().length >= 2 ? t('common.noMatch') : t('consortia.invite.typeMore')
                  }
                  data={(candidates.data?.items ?? []).map((o) => ({
                    value: o.id,
                    label: `${o.name ?? '?'}${o.country ? ` (${o.country})` : ''}`,
                  }))}
                />
              ) : (
                <TextInput
                  type="email"
                  label={t('consortia.invite.email')}
                  description={t('consortia.invite.emailHelp')}
                  required
                  value={email}
                  onChange={(e) => setEmail(e.currentTarget.value)}
                />
              )}
            </>
          )}
          <TextInput
            label={t('consortia.invite.role')}
            description={t('consortia.invite.roleHelp')}
            maxLength={consortiumLimits.role}
            value={role}
            onChange={(e) => setRole(e.currentTarget.value)}
          />
          <Textarea
            label={t('consortia.invite.message')}
            autosize
            minRows={2}
            maxLength={consortiumLimits.message}
            value={message}
            onChange={(e) => setMessage(e.currentTarget.value)}
          />
          <ErrorAlert error={invite.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose} disabled={invite.isPending}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={invite.isPending} disabled={!ready}>
              {t('consortia.invite.send')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
