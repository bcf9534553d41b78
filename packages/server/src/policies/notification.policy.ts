import { type Principal, hasRole } from '../auth/principal.js';

/** Reading and marking one's own notifications: anyone signed in (the queries are per user). */
export function canReadOwnNotifications(p: Principal): boolean {
  return p.userId !== null;
}

/** Running the reminder job by hand: administrators and the planning office, who chase reporting. */
export function canRunReminders(p: Principal): boolean {
  return hasRole(p, 'administrator', 'planning_office');
}
