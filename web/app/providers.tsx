import '@mantine/core/styles.css'
import '@mantine/notifications/styles.css'
import './global.css'
import { createTheme, MantineProvider, mergeThemeOverrides } from '@mantine/core'
import { Notifications } from '@mantine/notifications'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import type { i18n as I18n } from 'i18next'
import { type ReactNode, useMemo } from 'react'
import { I18nextProvider, useTranslation } from 'react-i18next'
import { isApiError } from './api.ts'
import { cssVariablesResolver, theme } from './theme.ts'

export function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 10_000,
        refetchOnWindowFocus: false,
        // Retrying a refusal or a missing object does not help; retry network trouble once.
        retry: (count, error) => !(isApiError(error) && error.status >= 400 && error.status < 500) && count < 1,
      },
    },
  })
}

/** Theme and translations: shared by the single-page app and the server-rendered public pages. */
export function UiProviders({ i18n, children }: { i18n: I18n; children: ReactNode }) {
  return (
    <I18nextProvider i18n={i18n}>
      <TranslatedMantine>{children}</TranslatedMantine>
    </I18nextProvider>
  )
}

/** Mantine with the labels of its built-in buttons (close, clear, show password) in the active language. */
function TranslatedMantine({ children }: { children: ReactNode }) {
  const { t } = useTranslation()
  const translated = useMemo(
    () =>
      mergeThemeOverrides(
        theme,
        createTheme({
          components: {
            InputClearButton: { defaultProps: { 'aria-label': t('common.clear') } },
            Modal: { defaultProps: { closeButtonProps: { 'aria-label': t('common.close') } } },
            Drawer: { defaultProps: { closeButtonProps: { 'aria-label': t('common.close') } } },
            Notification: { defaultProps: { closeButtonProps: { 'aria-label': t('common.close') } } },
            PasswordInput: {
              defaultProps: { visibilityToggleButtonProps: { 'aria-label': t('common.togglePassword') } },
            },
          },
        }),
      ),
    [t],
  )
  return (
    <MantineProvider theme={translated} cssVariablesResolver={cssVariablesResolver} forceColorScheme="light">
      {children}
    </MantineProvider>
  )
}

export function AppProviders({
  i18n,
  queryClient,
  children,
}: {
  i18n: I18n
  queryClient: QueryClient
  children: ReactNode
}) {
  return (
    <UiProviders i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <Notifications position="bottom-right" limit={4} />
        {children}
      </QueryClientProvider>
    </UiProviders>
  )
}
