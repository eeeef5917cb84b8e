import { Button, Menu, VisuallyHidden } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconCheck, IconLanguage } from '@tabler/icons-react'
import { useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { type Locale, localeNames, locales } from '../../../shared/i18n/index.ts'
import { api, queryKeys } from '../api.ts'
import { applyLocale } from '../i18n.ts'
import { useMe } from '../session.ts'

/** Switches the language; remembered on the device and, when signed in, in the person's profile. */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation()
  const { data: me } = useMe()
  const queryClient = useQueryClient()
  const current = i18n.language as Locale

  const choose = async (locale: Locale) => {
    await applyLocale(locale)
    if (me && me.user.locale !== locale) {
      try {
        const updated = await api.updateMe({ locale })
        queryClient.setQueryData(queryKeys.me, updated)
      } catch {
        notifications.show({ color: 'red', message: t('lang.saveFailed') })
      }
    }
  }

  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="subtle" color="dark" leftSection={<IconLanguage size={18} aria-hidden />} px="xs">
          {current.toUpperCase()}
          <VisuallyHidden> — {t('lang.label', { language: localeNames[current] ?? current })}</VisuallyHidden>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('lang.choose')}</Menu.Label>
        {locales.map((l) => (
          <Menu.Item
            key={l}
            lang={l}
            onClick={() => void choose(l)}
            rightSection={l === current ? <IconCheck size={16} aria-hidden /> : null}
            aria-current={l === current ? 'true' : undefined}
          >
            {localeNames[l]}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  )
}
