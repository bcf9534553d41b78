import { appendAudit, type UserRecord, findUserByEmail, findUserById } from '@plantrack/db';
import { verifyPassword } from '../../auth/password.js';
import { type Principal, actorOf } from '../../auth/principal.js';
import type { Session } from '../../auth/session.store.js';
import type { AppContext } from '../../context.js';
import { ApiError, unauthenticated } from '../../errors.js';
import { requireSignedIn } from '../../policies/policy.js';

export type MeDto = {
  id: string;
  email: string;
  displayName: string;
  roles: string[];
  departmentId: string | null;
  /** An administrator set the password: the web app shows only the password form until it changes. */
  mustChangePassword: boolean;
};

function presentMe(u: UserRecord): MeDto {
  return {
    id: u.id,
    email: u.email,
    displayName: u.displayName,
    roles: u.roles,
    departmentId: u.departmentId,
    mustChangePassword: u.mustChangePassword,
  };
}

/** Checks the credentials and opens a session; failures are audited and look alike. */
export async function signIn(
  ctx: AppContext,
  input: { email: string; password: string },
): Promise<{ session: Session; user: MeDto }> {
  const user = await findUserByEmail(ctx.db, input.email);
  const ok = await verifyPassword(user?.active === true ? user.passwordHash : null, input.password);
  if (user === undefined || !ok) {
    await appendAudit(ctx.db, {
      actor: 'anonymous',
      action: 'auth.sign_in_failed',
      entity: 'user',
      entityId: user?.id ?? input.email.trim().toLowerCase(),
    });
    throw new ApiError(401, 'bad-credentials', {
      zh: '邮箱或密码不正确。',
      en: 'Wrong e-mail address or password.',
    });
  }
  await appendAudit(ctx.db, { actor: user.id, action: 'auth.signed_in', entity: 'user', entityId: user.id });
  return { session: await ctx.sessions.create(user.id), user: presentMe(user) };
}

export async function me(ctx: AppContext, p: Principal): Promise<MeDto> {
  requireSignedIn(p);
  const user = await findUserById(ctx.db, actorOf(p));
  if (user === undefined) throw unauthenticated();
  return presentMe(user);
}
