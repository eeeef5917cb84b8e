export { REMINDER_QUEUE, registerWorkshopJobs } from './commands/reminder.ts'
export { workshopRoutes } from './http/routes.ts'
