import type { Role } from '@plantrack/api';
import { useMessages } from '../../../i18n/i18n';
import { usersMessages } from './users.messages';

/** Every role, in the order the forms offer them. */
export const ROLES: readonly Role[] = [
  'administrator',
  'planning_office',
  'department_reporter',
  'reviewer',
  'leader',
  'public',
];

/** The label of each role in the current language. */
export function useRoleLabels(): Record<Role, string> {
  const t = useMessages(usersMessages);
  return {
    administrator: t.roleAdministrator,
    planning_office: t.rolePlanningOffice,
    department_reporter: t.roleDepartmentReporter,
    reviewer: t.roleReviewer,
    leader: t.roleLeader,
    public: t.rolePublic,
  };
}
