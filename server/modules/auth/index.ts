export { createActorResolver, loadActor } from './actor.ts'
export { type Auth, createAuth } from './auth.ts'
export { mountAuth } from './http/auth-handler.ts'
