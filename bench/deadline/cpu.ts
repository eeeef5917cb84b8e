// CPU time spent by the server process, the PostgreSQL processes and the bench's own clients during a
// phase, from /proc (Linux). Per submission, it says where the work goes — a figure that a busy
// machine disturbs much less than wall-clock latencies do. Elsewhere it reports nothing.
import { existsSync, readdirSync, readFileSync } from 'node:fs'

const TICK_MS = 10 // USER_HZ is 100 on Linux

function procCpuMs(pid: number | string): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // Fields after the command name (which may hold spaces): state is field 3, utime 14, stime 15.
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return (Number(rest[11]) + Number(rest[12])) * TICK_MS
  } catch {
    return 0
  }
}

/** The backends connected to the bench's database, and the WAL writer (other databases' work is not ours). */
function postgresCpuMs(database: string): number {
  let total = 0
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue
    try {
      if (readFileSync(`/proc/${pid}/comm`, 'utf8').trim() !== 'postgres') continue
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8')
      if (cmd.includes(` ${database} `) || cmd.includes('walwriter')) total += procCpuMs(pid)
    } catch {
      // gone
    }
  }
  return total
}

export interface CpuSample {
  server: number
  postgres: number
  clients: number
}

export const cpuAvailable = existsSync('/proc/self/stat')

export function sampleCpu(serverPid: number | undefined, database: string | null): CpuSample {
  const own = process.cpuUsage()
  return {
    server: cpuAvailable && serverPid ? procCpuMs(serverPid) : 0,
    postgres: cpuAvailable && database ? postgresCpuMs(database) : 0,
    clients: (own.user + own.system) / 1000,
  }
}

/** CPU milliseconds per operation between two samples. */
export function cpuPerOp(a: CpuSample, b: CpuSample, ops: number): CpuSample {
  const per = (x: number, y: number) => Number(((y - x) / Math.max(1, ops)).toFixed(2))
  return { server: per(a.server, b.server), postgres: per(a.postgres, b.postgres), clients: per(a.clients, b.clients) }
}
