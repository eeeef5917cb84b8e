import { Button, Checkbox, Paper, Select, Stack, Switch, Textarea, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { type BrokerageEvent, brokerageLimits } from '../../../shared/contracts/brokerage.ts'
import { useMe } from '../../app/session.ts'
import { ErrorAlert, useServerErrors } from '../../design-system/forms.tsx'
import { brokerageApi, brokerageKeys } from './api.ts'
import { useEventTime } from './shared.tsx'

/** Registration: the organisation, a profile (what you offer, what you look for) and the sessions you attend. */
export function RegisterForm({ event }: { event: BrokerageEvent }) {
  const { t } = useTranslation()
  const qc = useQueryClient()
  const { data: me } = useMe()
  const time = useEventTime(event.timeZone)
  const serverErrors = useServerErrors()
  const orgs = (me?.memberships ?? []).map((m) => m.organisation)
  const form = useForm({
    mode: 'controlled',
    initialValues: {
      organisationId: orgs[0]?.id ?? '',
      profile: '',
      offer: '',
      request: '',
      anonymous: false,
      sessionIds: event.sessions.map((s) => s.id),
    },
  })
  const save = useMutation({
    mutationFn: (v: typeof form.values) => brokerageApi.register(event.id, v),
    onSuccess: () => qc.invalidateQueries({ queryKey: brokerageKeys.all }),
    onError: (e) => serverErrors(form, e),
  })
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="register-title">
      <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
        <Stack>
          <Title order={2} fz="h4" id="register-title">
            {t('brokerage.register.title')}
          </Title>
          {orgs.length > 1 ? (
            <Select
              label={t('brokerage.register.organisation')}
              allowDeselect={false}
              data={orgs.map((o) => ({ value: o.id, label: o.shortName ?? o.legalName }))}
              {...form.getInputProps('organisationId')}
            />
          ) : null}
          <Textarea
            label={t('brokerage.register.profile')}
            description={t('brokerage.register.profileHelp')}
            required
            autosize
            minRows={3}
            maxLength={brokerageLimits.profile}
            {...form.getInputProps('profile')}
          />
          <Textarea
            label={t('brokerage.register.offer')}
            autosize
            maxLength={brokerageLimits.profile}
            {...form.getInputProps('offer')}
          />
          <Textarea
            label={t('brokerage.register.request')}
            autosize
            maxLength={brokerageLimits.profile}
            {...form.getInputProps('request')}
          />
          <Checkbox.Group label={t('brokerage.register.sessions')} {...form.getInputProps('sessionIds')}>
            <Stack gap={6} mt={6}>
              {event.sessions.map((s) => (
                <Checkbox key={s.id} value={s.id} label={`${s.title || t('brokerage.session')} · ${time.slot(s)}`} />
              ))}
            </Stack>
          </Checkbox.Group>
          <Switch
            label={t('brokerage.register.anonymous')}
            description={t('brokerage.register.anonymousHelp')}
            {...form.getInputProps('anonymous', { type: 'checkbox' })}
          />
          <ErrorAlert error={save.error} />
          <Button type="submit" loading={save.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('brokerage.register.submit')}
          </Button>
        </Stack>
      </form>
    </Paper>
  )
}
