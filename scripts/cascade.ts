// `npm run cascade -- <command> …`: Cascade's command-line tools that work on files, without a database.
//   match   rank a JSON-lines corpus for each query of a JSON-lines file (the matching engine)
// Exit codes: 0 done · 1 invalid input · 2 usage error.
import { MATCH_USAGE, runMatch } from '../server/modules/matchmaking/cli/match-command.ts'

const USAGE = `Usage: npm run cascade -- <command> [options]

Commands:
  match    rank a corpus for each query with the matching engine (JSON lines in, JSON lines out)

${MATCH_USAGE}`

const [command, ...rest] = process.argv.slice(2)
if (command === '--help' || command === '-h' || command === 'help') {
  console.log(USAGE)
  process.exit(0)
}
if (command === 'match') {
  if (rest.includes('--help') || rest.includes('-h')) {
    console.log(MATCH_USAGE)
    process.exit(0)
  }
  process.exitCode = await runMatch(rest, process.stdout, process.stderr)
} else {
  console.error(command ? `cascade: unknown command "${command}"\n` : 'cascade: a command is required\n')
  console.error(USAGE)
  process.exitCode = 2
}
