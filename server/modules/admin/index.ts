export { adminRoutes } from './http/routes.ts'
