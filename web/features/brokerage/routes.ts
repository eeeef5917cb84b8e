import { type AnyRoute, createRoute } from '@tanstack/react-router'
import { AgendaPage } from './AgendaPage.tsx'
import { EventEditPage, EventFormPage } from './EventFormPage.tsx'
import { EventPage } from './EventPage.tsx'
import { EventsPage } from './EventsPage.tsx'
import { OrganiserPage } from './OrganiserPage.tsx'
import { RequestsPage } from './RequestsPage.tsx'

type BeforeLoad = (opts: { context: unknown; location: { href: string } }) => Promise<void>

/**
 * Brokerage events under /app/brokerage: the list, a new event, one event (registration and the participants'
 * directory), the person's requests, their agenda, and the organiser's page. Registered by router.tsx with one line.
 */
export function createBrokerageRoutes<P extends AnyRoute>(appRoute: P, requireSignedIn: unknown) {
  const guard = requireSignedIn as BeforeLoad
  const at = <Path extends string>(path: Path) => ({ getParentRoute: () => appRoute, path, beforeLoad: guard })
  return [
    createRoute({ ...at('brokerage'), component: EventsPage }),
    createRoute({ ...at('brokerage/new'), component: EventFormPage }),
    createRoute({ ...at('brokerage/$eventId'), component: EventPage }),
    createRoute({ ...at('brokerage/$eventId/requests'), component: RequestsPage }),
    createRoute({ ...at('brokerage/$eventId/agenda'), component: AgendaPage }),
    createRoute({ ...at('brokerage/$eventId/organise'), component: OrganiserPage }),
    createRoute({ ...at('brokerage/$eventId/edit'), component: EventEditPage }),
  ] as const
}
