import { Alert, Anchor, AppShell, Box, Burger, Group, NavLink, ScrollArea, Stack, Text } from '@mantine/core'
import { useDisclosure, useMediaQuery } from '@mantine/hooks'
import { IconAlertTriangle } from '@tabler/icons-react'
import { useQuery } from '@tanstack/react-query'
import { Link, Outlet, useRouterState } from '@tanstack/react-router'
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import type { Me } from '../../../shared/contracts/account.ts'
import { isLocale } from '../../../shared/i18n/index.ts'
import { AnchorLink, ButtonLink } from '../../design-system/links.tsx'
import { NotificationBell } from '../../features/notifications/NotificationBell.tsx'
import { api, queryKeys } from '../api.ts'
import { applyLocale, hasStoredLocale } from '../i18n.ts'
import { can, useMe } from '../session.ts'
import { LanguageSwitcher } from './LanguageSwitcher.tsx'
import { navigation } from './navigation.ts'
import { ResendVerification } from './ResendVerification.tsx'
import classes from './Shell.module.css'
import { UserMenu } from './UserMenu.tsx'

/** The layout of every /app page: skip link, header, role-aware navigation (a drawer below 768 px), main. */
export function Shell() {
  const { t } = useTranslation()
  const [opened, { toggle, close }] = useDisclosure(false)
  // Below the 'sm' breakpoint the navigation is an off-screen drawer: while it is closed, keep it out of
  // the tab order and the accessibility tree.
  const isMobile = useMediaQuery('(max-width: 47.99em)')
  const { data: me } = useMe()
  const { data: programme } = useQuery({ queryKey: queryKeys.programme, queryFn: api.programme, staleTime: 300_000 })
  const pathname = useRouterState({ select: (s) => s.location.pathname })
  useFocusOnNavigation(pathname)
  useAdoptProfileLocale(me)

  // Close the mobile navigation after following a link.
  // biome-ignore lint/correctness/useExhaustiveDependencies: run on path change
  useEffect(() => close(), [pathname])

  const visible = navigation
    .map((section) => ({
      ...section,
      items: section.items.filter((item) => {
        if (item.signedIn === true && !me) return false
        if (item.signedIn === false && me) return false
        if (item.capability && !can(me, item.capability)) return false
        if (item.member && !me?.memberships.length) return false
        return true
      }),
    }))
    .filter((s) => s.items.length > 0)

  const isActive = (to: string, exact?: boolean) =>
    exact ? pathname === to || pathname === `${to}/` : pathname === to || pathname.startsWith(`${to}/`)

  return (
    <>
      <a href="#main-content" className={classes.skipLink}>
        {t('app.skipToContent')}
      </a>
      <AppShell
        header={{ height: 60 }}
        navbar={{ width: 260, breakpoint: 'sm', collapsed: { mobile: !opened } }}
        padding={{ base: 'sm', sm: 'lg' }}
      >
        <AppShell.Header>
          <Group h="100%" px={{ base: 'xs', sm: 'md' }} justify="space-between" wrap="nowrap" gap="xs">
            <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
              <Burger
                opened={opened}
                onClick={toggle}
                hiddenFrom="sm"
                size="sm"
                aria-label={opened ? t('app.closeNavigation') : t('app.openNavigation')}
                aria-expanded={opened}
                aria-controls="app-navigation"
              />
              <Anchor href="/" underline="never" c="inherit" className={classes.brand}>
                <Text component="span" fw={800} fz="lg" c="cascade.8">
                  {programme?.acronym ?? t('app.name')}
                </Text>
                <Text component="span" fz="sm" c="dimmed" visibleFrom="xs" ml={6}>
                  · {t('app.name')}
                </Text>
              </Anchor>
            </Group>
            <Group gap={4} wrap="nowrap">
              <LanguageSwitcher />
              {me && can(me, 'notification.view') ? <NotificationBell /> : null}
              {me ? (
                <UserMenu me={me} />
              ) : (
                <Group gap="xs" visibleFrom="sm" wrap="nowrap">
                  <ButtonLink to="/app/sign-in" variant="default">
                    {t('auth.signIn.action')}
                  </ButtonLink>
                  <ButtonLink to="/app/sign-up">{t('auth.signUp.action')}</ButtonLink>
                </Group>
              )}
            </Group>
          </Group>
        </AppShell.Header>

        <AppShell.Navbar p="xs" id="app-navigation" aria-label={t('nav.label')} inert={isMobile && !opened}>
          <ScrollArea type="auto" offsetScrollbars>
            <Stack gap="md">
              {visible.map((section) => (
                <Box key={section.label}>
                  <Text size="xs" fw={700} tt="uppercase" c="dimmed" px="sm" mb={4} id={`nav-${section.label}`}>
                    {t(section.label)}
                  </Text>
                  <ul className={classes.navList} aria-labelledby={`nav-${section.label}`}>
                    {section.items.map((item) => {
                      const active = isActive(item.to, item.exact)
                      return (
                        <li key={item.to}>
                          <NavLink
                            component={Link}
                            to={item.to}
                            activeOptions={{ exact: Boolean(item.exact) }}
                            label={t(item.label)}
                            leftSection={<item.icon size={18} aria-hidden />}
                            active={active}
                            aria-current={active ? 'page' : undefined}
                            variant="light"
                          />
                        </li>
                      )
                    })}
                  </ul>
                </Box>
              ))}
              {!me ? (
                <Stack gap="xs" hiddenFrom="sm" px="sm">
                  <ButtonLink to="/app/sign-in" variant="default">
                    {t('auth.signIn.action')}
                  </ButtonLink>
                  <ButtonLink to="/app/sign-up">{t('auth.signUp.action')}</ButtonLink>
                </Stack>
              ) : null}
            </Stack>
          </ScrollArea>
        </AppShell.Navbar>

        <AppShell.Main id="main-content" tabIndex={-1} className={classes.main}>
          <Box maw={1200} mx="auto">
            <Banners me={me ?? null} />
            <Outlet />
          </Box>
        </AppShell.Main>
      </AppShell>
    </>
  )
}

function Banners({ me }: { me: Me | null }) {
  const { t } = useTranslation()
  if (!me) return null
  return (
    <Stack gap="sm" mb={me.twoFactorRequired || !me.user.emailVerified ? 'md' : 0}>
      {!me.user.emailVerified ? (
        <Alert color="yellow" variant="light" icon={<IconAlertTriangle aria-hidden />} title={t('shell.verifyTitle')}>
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{t('shell.verifyText', { email: me.user.email })}</Text>
            <ResendVerification email={me.user.email} />
          </Stack>
        </Alert>
      ) : null}
      {me.twoFactorRequired ? (
        <Alert
          color="orange"
          variant="light"
          icon={<IconAlertTriangle aria-hidden />}
          title={t('shell.twoFactorTitle')}
        >
          <Text size="sm">
            {t('shell.twoFactorText')} <AnchorLink to="/app/profile/security">{t('shell.twoFactorLink')}</AnchorLink>
          </Text>
        </Alert>
      ) : null}
    </Stack>
  )
}

/** After a client-side navigation, move focus to the new page's heading so screen readers announce it. */
function useFocusOnNavigation(pathname: string) {
  const first = useRef(true)
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on each navigation
  useEffect(() => {
    if (first.current) {
      first.current = false
      return
    }
    const id = window.setTimeout(() => {
      const heading = document.getElementById('page-title')
      if (heading) heading.focus({ preventScroll: false })
      else document.getElementById('main-content')?.focus()
    }, 50)
    return () => window.clearTimeout(id)
  }, [pathname])
}

/** On a device with no language chosen yet, use the language saved in the person's profile. */
function useAdoptProfileLocale(me: Me | null | undefined) {
  const { i18n } = useTranslation()
  useEffect(() => {
    if (!me || hasStoredLocale()) return
    if (isLocale(me.user.locale) && me.user.locale !== i18n.language) void applyLocale(me.user.locale)
  }, [me, i18n])
}
