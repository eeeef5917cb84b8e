import { useTranslation } from 'react-i18next'
import { EmptyState } from '../design-system/EmptyState.tsx'
import { ButtonLink } from '../design-system/links.tsx'
import { PageHeader } from '../design-system/PageHeader.tsx'

export function NotFoundPage() {
  const { t } = useTranslation()
  return (
    <>
      <PageHeader title={t('notFound.title')} />
      <EmptyState title={t('notFound.text')} action={<ButtonLink to="/app">{t('notFound.home')}</ButtonLink>} />
    </>
  )
}

/** Shown instead of a page the person may not open, with the reason. */
export function ForbiddenPage({ title, reason }: { title: string; reason?: string | undefined }) {
  const { t } = useTranslation()
  return (
    <>
      <PageHeader title={title} />
      <EmptyState title={t('forbidden.title')} description={reason ?? t('forbidden.text')} />
    </>
  )
}
