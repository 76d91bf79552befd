import { parseArgs } from 'node:util';

export type BenchOptions = {
  stories: number;
  /** Seconds of load per route. */
  duration: number;
  connections: number;
  threads: number;
  /** Route names to run (all when empty). The static file always runs: it is the yardstick. */
  only: Set<string>;
  skipBuild: boolean;
  /** Keep the database when it already holds the archive (a million stories take minutes to make). */
  reuseData: boolean;
  appPort: number;
  nginxPort: number;
  bareNextPort: number;
  /** The `collab` phase: the collaboration server's port and the seconds of typing. */
  collabPort: number;
  collabSeconds: number;
  database: string;
};

export const USAGE = `npm run bench -- [options]

  --stories N         archive stories to generate (default 100000; 1000000 for the full size)
  --duration S        seconds of load per route (default 6; 10 for steadier figures)
  --connections N     concurrent connections (default 32)
  --threads N         wrk threads (default 2)
  --only a,b,…        only these routes (names as in the table; the static file always runs);
                      collab: the co-editing phase (50 editors on 10 stories, as npm run bench:collab)
  --skip-build        reuse the last builds (.next and bench/bare-next/.next)
  --reuse-data        keep the bench database if it already has the archive
  --app-port N        default 3105; --nginx-port N default 8105; --bare-next-port N default 3106
  --collab-port N     default 3108; --collab-seconds S of co-editing (default 30)
  --database NAME     default masthead_bench_load (masthead_bench_… or masthead_<prefix>_bench…)`;

export function parseBenchOptions(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      stories: { type: 'string', default: '100000' },
      duration: { type: 'string', default: '6' },
      connections: { type: 'string', default: '32' },
      threads: { type: 'string', default: '2' },
      only: { type: 'string', default: '' },
      'skip-build': { type: 'boolean', default: false },
      'reuse-data': { type: 'boolean', default: false },
      'app-port': { type: 'string', default: '3105' },
      'nginx-port': { type: 'string', default: '8105' },
      'bare-next-port': { type: 'string', default: '3106' },
      'collab-port': { type: 'string', default: '3108' },
      'collab-seconds': { type: 'string', default: '30' },
      database: { type: 'string', default: 'masthead_bench_load' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const whole = (name: string, value: string, min: number) => {
    const number = Number(value.replace(/_/g, '').replace(/s$/, ''));
    if (!Number.isInteger(number) || number < min) throw new Error(`--${name} must be a whole number of at least ${min} (got "${value}").\n\n${USAGE}`);
    return number;
  };
  const options: BenchOptions = {
    stories: whole('stories', values.stories, 0),
    duration: whole('duration', values.duration, 1),
    connections: whole('connections', values.connections, 1),
    threads: whole('threads', values.threads, 1),
    only: new Set(values.only.split(',').map((name) => name.trim()).filter(Boolean)),
    skipBuild: values['skip-build'],
    reuseData: values['reuse-data'],
    appPort: whole('app-port', values['app-port'], 1),
    nginxPort: whole('nginx-port', values['nginx-port'], 1),
    bareNextPort: whole('bare-next-port', values['bare-next-port'], 1),
    collabPort: whole('collab-port', values['collab-port'], 1),
    collabSeconds: whole('collab-seconds', values['collab-seconds'], 1),
    database: values.database,
  };
  // It is dropped and re-created: only names that say they are a bench's (masthead_bench_x, or masthead_<prefix>_bench… for a helper's own prefix).
  if (!/^masthead_(bench_|[a-z0-9]+_bench)\w*$/.test(options.database)) throw new Error('--database must start with masthead_bench_ or masthead_<prefix>_bench (it is dropped and re-created).');
  options.threads = Math.min(options.threads, options.connections);
  return options;
}
