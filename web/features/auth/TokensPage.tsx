import {
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  Code,
  Group,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { useForm } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import { IconKey } from '@tabler/icons-react'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { tokenScopes } from '../../../shared/authz.ts'
import { type ApiToken, apiTokenInput } from '../../../shared/contracts/account.ts'
import { api, queryKeys } from '../../app/api.ts'
import { RequireCapability } from '../../app/RequireCapability.tsx'
import { ConfirmDialog } from '../../design-system/ConfirmDialog.tsx'
import { EmptyState } from '../../design-system/EmptyState.tsx'
import { useFormat } from '../../design-system/format.ts'
import { ErrorAlert, useServerErrors, useZodValidate } from '../../design-system/forms.tsx'
import { PageHeader } from '../../design-system/PageHeader.tsx'
import { CopyText } from './SecurityPage.tsx'

export function TokensPage() {
  const { t } = useTranslation()
  return (
    <RequireCapability capability="account.tokens.manage" title={t('tokens.title')}>
      <PageHeader title={t('tokens.title')} description={t('tokens.description')} />
      <Stack gap="lg">
        <CreateToken />
        <TokenList />
      </Stack>
    </RequireCapability>
  )
}

const expiryChoices = ['30', '90', '180', '365', 'never'] as const
const formSchema = z.object({
  name: apiTokenInput.shape.name,
  scopes: apiTokenInput.shape.scopes,
  expiresIn: z.enum(expiryChoices),
})

function CreateToken() {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const [created, setCreated] = useState<string | null>(null)
  const validate = useZodValidate(formSchema)
  const serverErrors = useServerErrors()
  const form = useForm({
    mode: 'controlled',
    initialValues: { name: '', scopes: [] as string[], expiresIn: '90' as (typeof expiryChoices)[number] },
    validate,
  })
  const create = useMutation({
    mutationFn: (v: typeof form.values) =>
      api.createToken({
        name: v.name.trim(),
        scopes: v.scopes as (typeof tokenScopes)[number][],
        expiresInDays: v.expiresIn === 'never' ? null : Number(v.expiresIn),
      }),
    onSuccess: async (token) => {
      setCreated(token.token)
      form.reset()
      notifications.show({ color: 'green', message: t('tokens.created') })
      await queryClient.invalidateQueries({ queryKey: queryKeys.tokens })
    },
    onError: (e) => serverErrors(form, e),
  })

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="token-new">
      <Title order={2} size="h3" id="token-new" mb="md">
        {t('tokens.new')}
      </Title>
      {created ? (
        <Alert color="green" variant="light" mb="md" title={t('tokens.copyNow')} role="status">
          <Stack gap="xs">
            <Text size="sm">{t('tokens.copyNowText')}</Text>
            <Group gap="xs" wrap="nowrap" align="flex-start">
              <Code block style={{ flex: 1, wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>
                {created}
              </Code>
              <CopyText value={created} />
            </Group>
            <Group>
              <Button size="xs" variant="default" onClick={() => setCreated(null)}>
                {t('tokens.done')}
              </Button>
            </Group>
          </Stack>
        </Alert>
      ) : null}
      <form onSubmit={form.onSubmit((v) => create.mutate(v))} noValidate>
        <Stack>
          <ErrorAlert error={create.error} />
          <TextInput
            label={t('tokens.name')}
            description={t('tokens.nameHelp')}
            required
            {...form.getInputProps('name')}
          />
          <Checkbox.Group
            label={t('tokens.scopes')}
            description={t('tokens.scopesHelp')}
            required
            {...form.getInputProps('scopes')}
          >
            <Stack gap={6} mt="xs">
              {tokenScopes.map((s) => (
                <Checkbox key={s} value={s} label={`${t(`tokenScopes.${s.replace(':', '_')}`)} (${s})`} />
              ))}
            </Stack>
          </Checkbox.Group>
          <Select
            label={t('tokens.expiry')}
            allowDeselect={false}
            data={expiryChoices.map((c) => ({
              value: c,
              label: c === 'never' ? t('tokens.never') : t('tokens.days', { count: Number(c) }),
            }))}
            maw={240}
            {...form.getInputProps('expiresIn')}
          />
          <Group>
            <Button type="submit" loading={create.isPending}>
              {t('tokens.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  )
}

function TokenList() {
  const { t } = useTranslation()
  const f = useFormat()
  const queryClient = useQueryClient()
  const tokens = useQuery({ queryKey: queryKeys.tokens, queryFn: api.tokens })
  const [revoking, setRevoking] = useState<ApiToken | null>(null)
  const revoke = useMutation({
    mutationFn: (id: string) => api.revokeToken(id),
    onSuccess: async () => {
      setRevoking(null)
      notifications.show({ color: 'green', message: t('tokens.revoked') })
      await queryClient.invalidateQueries({ queryKey: queryKeys.tokens })
    },
  })
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="token-list">
      <Title order={2} size="h3" id="token-list" mb="md">
        {t('tokens.list')}
      </Title>
      <ErrorAlert error={tokens.error} />
      {tokens.data && tokens.data.items.length === 0 ? (
        <EmptyState icon={<IconKey size={24} />} title={t('tokens.empty')} />
      ) : tokens.data ? (
        <Table.ScrollContainer
          minWidth={720}
          type="native"
          tabIndex={0}
          role="region"
          aria-label={t('table.region', { name: t('tokens.list') })}
        >
          <Table verticalSpacing="sm">
            <caption className="sr-only">{t('tokens.list')}</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('tokens.name')}</Table.Th>
                <Table.Th>{t('tokens.prefix')}</Table.Th>
                <Table.Th>{t('tokens.scopes')}</Table.Th>
                <Table.Th>{t('tokens.createdAt')}</Table.Th>
                <Table.Th>{t('tokens.lastUsed')}</Table.Th>
                <Table.Th>{t('tokens.expiresAt')}</Table.Th>
                <Table.Th>{t('common.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {tokens.data.items.map((tok) => (
                <Table.Tr key={tok.id}>
                  <Table.Th scope="row" fw={500}>
                    {tok.name}
                  </Table.Th>
                  <Table.Td>
                    <Code>{tok.prefix}…</Code>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {tok.scopes.map((s) => (
                        <Badge key={s} variant="light" color="gray" tt="none">
                          {s}
                        </Badge>
                      ))}
                    </Group>
                  </Table.Td>
                  <Table.Td className="nowrap">{f.dateShort(tok.createdAt)}</Table.Td>
                  <Table.Td>{tok.lastUsedAt ? f.dateTime(tok.lastUsedAt) : t('tokens.neverUsed')}</Table.Td>
                  <Table.Td>{tok.expiresAt ? f.date(tok.expiresAt) : t('tokens.never')}</Table.Td>
                  <Table.Td>
                    <Button
                      size="xs"
                      color="red"
                      variant="outline"
                      onClick={() => {
                        revoke.reset()
                        setRevoking(tok)
                      }}
                      aria-label={t('tokens.revokeNamed', { name: tok.name })}
                    >
                      {t('tokens.revoke')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      <ConfirmDialog
        opened={revoking != null}
        title={t('tokens.revokeTitle')}
        message={t('tokens.revokeText', { name: revoking?.name ?? '' })}
        confirmLabel={t('tokens.revoke')}
        danger
        loading={revoke.isPending}
        error={revoke.error}
        onClose={() => setRevoking(null)}
        onConfirm={() => revoking && revoke.mutate(revoking.id)}
      />
    </Card>
  )
}
