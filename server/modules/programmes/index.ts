export { mountPublicPages } from './http/public-pages.ts'
export { programmeRoutes } from './http/routes.ts'
export { getProgramme } from './queries/get-programme.ts'
