import 'server-only';
import { numberSetting } from '@/lib/config';

/** How long a session lasts without use, and at most, in seconds. */
export const sessionSettings = {
  idleSeconds: numberSetting('SESSION_IDLE_MINUTES') * 60,
  maxSeconds: numberSetting('SESSION_MAX_HOURS') * 3600,
};
