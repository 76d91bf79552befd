import 'server-only';

const minutes = (name: string, fallback: number) => {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
};

/** How long a session lasts without use, and at most, in seconds. */
export const sessionSettings = {
  idleSeconds: minutes('SESSION_IDLE_MINUTES', 120) * 60,
  maxSeconds: minutes('SESSION_MAX_HOURS', 12) * 3600,
};
