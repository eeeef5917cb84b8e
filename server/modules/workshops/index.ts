export { REMINDER_QUEUE, registerWorkshopJobs } from './commands/reminder.ts'
export { VOTE_CLOSED_QUEUE, VOTE_CLOSING_QUEUE } from './commands/vote-notices.ts'
export { vtimezone } from './domain/vtimezone.ts'
export { workshopRoutes } from './http/routes.ts'
