import type { Finding, Tool } from './report';

/**
 * Errors the app logged while a check ran. Pages stream, so a query that fails inside a
 * page can still answer 200 (seen: a NUL byte in a search); Next logs each such failure
 * with a leading "⨯", our actions log "Server action failed", and background work logs
 * "Could not …" or "… failed" (seen: cache expiry too large for one NOTIFY, logged while
 * every request still answered 200). Auth.js's own "[auth][error] CredentialsSignin" is a
 * wrong password, not a failure, and is not counted. Lines the app writes itself are JSON
 * (lib/log.ts): any at level "error" counts, which includes every request answered 5xx.
 */
const FAILURE_LINE = /^\s*⨯ |Server action failed|^(Could not |Background job failed|Cache (listener|expiry) failed|Upload failed|Password reset failed|Publishing scheduled story|Scheduled story .* could not|\[auth\] )/;

function isFailure(line: string): boolean {
  if (!line.startsWith('{')) return FAILURE_LINE.test(line);
  try {
    const entry = JSON.parse(line) as { level?: unknown; msg?: unknown };
    return entry.level === 'error' || (typeof entry.msg === 'string' && FAILURE_LINE.test(entry.msg));
  } catch {
    return FAILURE_LINE.test(line);
  }
}

export function watchServerLog() {
  let current: Tool | undefined;
  const seen = new Map<string, { tool: Tool | undefined; count: number; line: string; cause?: string }>();
  let partial = '';
  let last: { cause?: string } | undefined;
  return {
    take(text: string) {
      const lines = (partial + text).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) {
        const cause = /\[cause\]: (.*)/.exec(line);
        if (cause && last && !last.cause) last.cause = cause[1]!.trim();
        if (!isFailure(line)) continue;
        // Group repeats of one failure: the same message with other values in it.
        const key = `${current}:${line.replace(/\d+/g, 'N').slice(0, 120)}`;
        const entry = seen.get(key) ?? { tool: current, count: 0, line: line.trim() };
        entry.count++;
        seen.set(key, entry);
        last = entry;
      }
    },
    during(tool: Tool) {
      current = tool;
    },
    findingsFor(tool: Tool): Finding[] {
      return [...seen.values()]
        .filter((e) => e.tool === tool)
        .map((e) => ({ tool, kind: 'server error logged', where: 'app log', detail: `${e.count}× ${e.line.slice(0, 300)}${e.cause ? ` (cause: ${e.cause.slice(0, 200)})` : ''}` }));
    },
  };
}
