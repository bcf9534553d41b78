import { inactiveDepartmentName } from '@plantrack/db';
import type { AppContext } from '../../context.js';
import { ApiError } from '../../errors.js';

/**
 * Refuses a deactivated department as a new owner or a user's department (409): the office
 * retired it, so nothing new may be assigned to it; its history and existing assignments stay.
 */
export async function refuseInactiveDepartment(ctx: AppContext, departmentId: string): Promise<void> {
  const name = await inactiveDepartmentName(ctx.db, departmentId);
  if (name === null) return;
  throw new ApiError(409, 'department-inactive', {
    zh: `单位“${name}”已停用，不能再指定为责任单位或用户所属单位。请选择其他单位，或先在单位管理中重新启用。`,
    en: `The department "${name}" is deactivated and cannot be given new items or users; choose another department or reactivate it under departments first.`,
  });
}
