// `npm run dev`: rebuilds the web client and the server-rendered pages on change, and restarts the
// server when server/ or shared/ changes. Ctrl-C stops all three.
import { type ChildProcess, spawn } from 'node:child_process'

const children: ChildProcess[] = []
const run = (cmd: string, args: string[]) => {
  const child = spawn(cmd, args, {
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: process.env.NODE_ENV ?? 'development' },
  })
  children.push(child)
  return child
}
run('npx', ['vite', 'build', '--watch', '--mode', 'development'])
run('npx', [
  'vite',
  'build',
  '--watch',
  '--mode',
  'development',
  '--ssr',
  'web/public/entry-server.tsx',
  '--outDir',
  'dist/ssr',
])
run(process.execPath, ['--watch-path=server', '--watch-path=shared', '--watch-path=dist/ssr', 'server/main.ts'])
const stop = () => {
  for (const c of children) c.kill('SIGTERM')
  process.exit(0)
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
