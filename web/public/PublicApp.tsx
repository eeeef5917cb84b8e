import { Anchor, Box, Button, Container, Group, Text } from '@mantine/core'
import { type ReactNode, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { I18n } from '../../shared/i18n/index.ts'
import { type Locale, localeNames, locales } from '../../shared/i18n/index.ts'
import { UiProviders } from '../app/providers.tsx'
import { CallDetail } from '../features/calls-public/CallDetail.tsx'
import { CallList } from '../features/calls-public/CallList.tsx'
import { ChallengeDetail } from '../features/catalogue/ChallengeDetail.tsx'
import { ChallengeList } from '../features/catalogue/ChallengeList.tsx'
import { DomainDetail } from '../features/catalogue/DomainDetail.tsx'
import { DomainIndex } from '../features/catalogue/DomainIndex.tsx'
import { NotFound } from '../features/catalogue/NotFound.tsx'
import { OrganisationPublicProfile } from '../features/organisations/PublicProfile.tsx'
import { ProgrammeHome } from '../features/programme/ProgrammeHome.tsx'
import { SolutionDetail } from '../features/solutions-catalogue/SolutionDetail.tsx'
import { SolutionList } from '../features/solutions-catalogue/SolutionList.tsx'
import classes from './PublicApp.module.css'
import type { HydrationData, PublicPage, PublicPageProps } from './pages.ts'

/** The tree rendered on the server and hydrated in the browser: providers, public layout, one page. */
export function PublicApp({ data, i18n }: { data: HydrationData; i18n: I18n }) {
  return (
    <UiProviders i18n={i18n}>
      <PublicLayout locale={data.locale} acronym={acronymOf(data)}>
        <PageBody page={data.page} props={data.props} />
      </PublicLayout>
    </UiProviders>
  )
}

function acronymOf(data: HydrationData): string | undefined {
  // Every public page carries its programme's acronym (the 404 page may not have a programme).
  return (data.props as { programme?: { acronym?: string } | null }).programme?.acronym
}

function PageBody<P extends PublicPage>({ page, props }: { page: P; props: PublicPageProps[P] }) {
  switch (page) {
    case 'programme-home':
      return <ProgrammeHome programme={(props as PublicPageProps['programme-home']).programme} />
    case 'challenge-list':
      return <ChallengeList {...(props as PublicPageProps['challenge-list'])} />
    case 'challenge-detail':
      return <ChallengeDetail {...(props as PublicPageProps['challenge-detail'])} />
    case 'domain-index':
      return <DomainIndex {...(props as PublicPageProps['domain-index'])} />
    case 'domain-detail':
      return <DomainDetail {...(props as PublicPageProps['domain-detail'])} />
    case 'organisation-profile':
      return <OrganisationPublicProfile {...(props as PublicPageProps['organisation-profile'])} />
    case 'solution-list':
      return <SolutionList {...(props as PublicPageProps['solution-list'])} />
    case 'solution-detail':
      return <SolutionDetail {...(props as PublicPageProps['solution-detail'])} />
    case 'call-list':
      return <CallList {...(props as PublicPageProps['call-list'])} />
    case 'call-detail':
      return <CallDetail {...(props as PublicPageProps['call-detail'])} />
    case 'not-found':
      return <NotFound {...(props as PublicPageProps['not-found'])} />
    default:
      return null
  }
}

function rememberLocale(locale: Locale) {
  try {
    window.localStorage.setItem('cascade.locale', locale)
  } catch {
    // ignore
  }
  // biome-ignore lint/suspicious/noDocumentCookie: a plain preference cookie read by the server's public pages
  document.cookie = `cascade_lang=${locale}; path=/; max-age=31536000; samesite=lax`
}

/**
 * Whether the visitor is signed in, learnt after hydration (the server renders the same page for
 * everyone, so the header says "Sign in" until the browser has asked).
 */
function useSignedIn(): boolean {
  const [signedIn, setSignedIn] = useState(false)
  useEffect(() => {
    const ctrl = new AbortController()
    fetch('/api/v1/me', { credentials: 'same-origin', signal: ctrl.signal, headers: { accept: 'application/json' } })
      .then((res) => setSignedIn(res.ok))
      .catch(() => undefined)
    return () => ctrl.abort()
  }, [])
  return signedIn
}

function PublicLayout({
  locale,
  acronym,
  children,
}: {
  locale: Locale
  acronym?: string | undefined
  children: ReactNode
}) {
  const { t } = useTranslation()
  const signedIn = useSignedIn()
  return (
    <>
      <a href="#main-content" className={classes.skipLink}>
        {t('app.skipToContent')}
      </a>
      <Box component="header" className={classes.header}>
        <Container size="lg" py="sm">
          <Group justify="space-between" gap="sm" wrap="wrap">
            <Anchor href="/" underline="never" c="inherit" className={classes.brand}>
              <Text component="span" fw={800} fz="lg" c="cascade.8">
                {acronym ?? t('app.name')}
              </Text>
              <Text component="span" fz="sm" c="dimmed" ml={6}>
                · {t('app.name')}
              </Text>
            </Anchor>
            <Group gap="xs" wrap="wrap">
              <nav aria-label={t('lang.choose')}>
                <Group gap={4} component="ul" className={classes.langList}>
                  {locales.map((l) => (
                    <li key={l}>
                      <Anchor
                        href={`?lang=${l}`}
                        hrefLang={l}
                        lang={l}
                        size="sm"
                        px={6}
                        py={4}
                        fw={l === locale ? 700 : 400}
                        underline={l === locale ? 'never' : 'hover'}
                        aria-current={l === locale ? 'true' : undefined}
                        onClick={() => rememberLocale(l)}
                      >
                        <span aria-hidden="true">{l.toUpperCase()}</span>
                        <span className={classes.srOnly}>{localeNames[l]}</span>
                      </Anchor>
                    </li>
                  ))}
                </Group>
              </nav>
              {signedIn ? (
                <Button component="a" href="/app" variant="default" size="xs">
                  {t('programme.cta.dashboard')}
                </Button>
              ) : (
                <Button component="a" href="/app/sign-in" variant="default" size="xs">
                  {t('auth.signIn.action')}
                </Button>
              )}
            </Group>
          </Group>
        </Container>
      </Box>
      <Box component="main" id="main-content" tabIndex={-1} className={classes.main}>
        <Container size="lg" py={{ base: 'lg', sm: 48 }}>
          {children}
        </Container>
      </Box>
      <Box component="footer" className={classes.footer}>
        <Container size="lg" py="lg">
          <Text size="sm" c="dimmed">
            {t('public.footer')}
          </Text>
        </Container>
      </Box>
    </>
  )
}
