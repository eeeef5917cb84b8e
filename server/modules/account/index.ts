export { accountRoutes } from './http/routes.ts'
export { getMe } from './queries/get-me.ts'
