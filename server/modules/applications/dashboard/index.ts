/**
 * The operator dashboard of a call (issue 5, item 7): statistics in the shape SecurIT published them,
 * the applications table with search, filters and paging, and the XLSX / CSV export.
 */
export { dashboardRoutes } from './http/routes.ts'
export { callDashboard, dashboardOf } from './queries/dashboard.ts'
