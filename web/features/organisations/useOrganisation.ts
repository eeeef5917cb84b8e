import { useQuery } from '@tanstack/react-query'
import { getRouteApi } from '@tanstack/react-router'
import { api, queryKeys } from '../../app/api.ts'

const route = getRouteApi('/app/organisations/$organisationId')

/** The organisation of the current /app/organisations/:organisationId page (shared by its tabs). */
export function useOrganisation() {
  const { organisationId } = route.useParams()
  const query = useQuery({
    queryKey: queryKeys.organisation(organisationId),
    queryFn: () => api.organisation(organisationId),
  })
  return { organisationId, ...query }
}
