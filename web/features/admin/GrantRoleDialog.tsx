import { Button, Group, Modal, Select, Stack, Text } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useDebouncedValue } from '@mantine/hooks'
import { notifications } from '@mantine/notifications'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { programmeRoles } from '../../../shared/authz.ts'
import { roleGrantInput } from '../../../shared/contracts/admin.ts'
import { api, queryKeys } from '../../app/api.ts'
import { CountryName } from '../../design-system/CountrySelect.tsx'
import { ErrorAlert, useServerErrors, useZodValidate } from '../../design-system/forms.tsx'

interface GrantRoleDialogProps {
  opened: boolean
  onClose: () => void
  /** The person to grant to; when absent the dialog offers a search. */
  user?: { id: string; name: string; email: string } | null
  defaultRole?: (typeof programmeRoles)[number]
}

const grantForm = z.preprocess((v) => {
  const o = v as { userId: string; role: string; clusterId: string }
  return { userId: o.userId, role: o.role || undefined, clusterId: o.clusterId || null }
}, roleGrantInput)

/** Grants a programme role: operator, expert, or cluster staff of one partner cluster. */
export function GrantRoleDialog({ opened, onClose, user, defaultRole }: GrantRoleDialogProps) {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const validate = useZodValidate(grantForm)
  const serverErrors = useServerErrors()
  const form = useForm({
    mode: 'controlled',
    initialValues: { userId: user?.id ?? '', role: defaultRole ?? '', clusterId: '' },
    validate,
  })
  const [search, setSearch] = useState('')
  const [debounced] = useDebouncedValue(search, 250)
  const users = useQuery({
    queryKey: queryKeys.adminUsers({ q: debounced, pageSize: 20 }),
    queryFn: () => api.adminUsers({ q: debounced || undefined, pageSize: 20, sort: 'name' }),
    enabled: opened && !user,
  })
  const programme = useQuery({
    queryKey: queryKeys.programme,
    queryFn: api.programme,
    staleTime: 300_000,
    enabled: opened,
  })

  // biome-ignore lint/correctness/useExhaustiveDependencies: reset when the dialog opens for someone
  useEffect(() => {
    if (opened) {
      form.setValues({ userId: user?.id ?? '', role: defaultRole ?? '', clusterId: '' })
      form.clearErrors()
      grant.reset()
    }
  }, [opened, user?.id, defaultRole])

  const grant = useMutation({
    mutationFn: (v: typeof form.values) =>
      api.grantRole({
        userId: v.userId,
        role: v.role as (typeof programmeRoles)[number],
        clusterId: v.role === 'cluster_staff' ? v.clusterId : null,
      }),
    onSuccess: async () => {
      notifications.show({ color: 'green', message: t('admin.roles.granted') })
      await queryClient.invalidateQueries({ queryKey: queryKeys.adminUsers() })
      await queryClient.invalidateQueries({ queryKey: queryKeys.me })
      onClose()
    },
    onError: (e) => serverErrors(form, e),
  })

  const userOptions = user
    ? [{ value: user.id, label: `${user.name} <${user.email}>` }]
    : (users.data?.items ?? []).map((u) => ({ value: u.id, label: `${u.name} <${u.email}>` }))

  return (
    <Modal opened={opened} onClose={onClose} title={t('admin.roles.grantTitle')} centered>
      <form onSubmit={form.onSubmit((v) => grant.mutate(v))} noValidate>
        <Stack>
          <ErrorAlert error={grant.error} />
          {user ? (
            <Text>{t('admin.roles.grantTo', { name: user.name, email: user.email })}</Text>
          ) : (
            <Select
              label={t('admin.roles.person')}
              description={t('admin.roles.personHelp')}
              searchable
              required
              searchValue={search}
              onSearchChange={setSearch}
              data={userOptions}
              nothingFoundMessage={t('common.noMatch')}
              filter={({ options }) => options}
              {...form.getInputProps('userId')}
            />
          )}
          <Select
            label={t('admin.roles.role')}
            required
            allowDeselect={false}
            data={programmeRoles.map((r) => ({ value: r, label: t(`roles.programme.${r}`) }))}
            {...form.getInputProps('role')}
          />
          {form.values.role === 'cluster_staff' ? (
            <Select
              label={t('admin.roles.cluster')}
              required
              searchable
              data={(programme.data?.clusters ?? []).map((c) => ({ value: c.id, label: c.name }))}
              renderOption={({ option }) => {
                const c = programme.data?.clusters.find((x) => x.id === option.value)
                return (
                  <span>
                    {option.label}
                    {c ? (
                      <Text span size="xs" c="dimmed">
                        {' '}
                        · <CountryName code={c.country} />
                      </Text>
                    ) : null}
                  </span>
                )
              }}
              {...form.getInputProps('clusterId')}
            />
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} disabled={grant.isPending}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={grant.isPending}>
              {t('admin.roles.grant')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
