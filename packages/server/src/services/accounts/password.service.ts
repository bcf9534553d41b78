import { replacePassword, findUserById } from '@plantrack/db';
import { hashPassword, verifyPassword } from '../../auth/password.js';
import { PASSWORD_MIN_LENGTH, PASSWORD_POLICY, passwordWeakness } from '../../auth/password-policy.js';
import type { Principal } from '../../auth/principal.js';
import { hashSessionId } from '../../auth/session.store.js';
import type { AppContext } from '../../context.js';
import { ApiError, type Messages, unauthenticated } from '../../errors.js';
import { requireSignedIn } from '../../policies/policy.js';

/** The password policy as the web app shows it beside the form. */
export type PasswordPolicyDto = { minLength: number; messages: Messages };

export function passwordPolicy(): PasswordPolicyDto {
  return { minLength: PASSWORD_MIN_LENGTH, messages: PASSWORD_POLICY };
}

/**
 * Changes the signed-in user's own password. The current password is required (a session left
 * open on a shared computer must not be enough); the new one must meet the policy and differ from
 * it. Every other session of the user ends, every API token is revoked, and a reset's must-change
 * flag is cleared; the session that made the change stays signed in. Only a browser session may
 * do this: an API token is revoked by it and is not a way to take over an account.
 */
export async function changeOwnPassword(
  ctx: AppContext,
  p: Principal,
  sessionId: string | undefined,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  requireSignedIn(p);
  if (p.via !== 'session' || sessionId === undefined || p.userId === null) {
    throw new ApiError(403, 'password-needs-session', {
      zh: '只能在登录后的浏览器会话中修改密码。',
      en: 'Passwords can only be changed from a signed-in session.',
    });
  }
  const user = await findUserById(ctx.db, p.userId);
  if (user === undefined) throw unauthenticated();
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new ApiError(400, 'wrong-password', {
      zh: '当前密码不正确。',
      en: 'The current password is wrong.',
    });
  }
  const weakness = passwordWeakness(input.newPassword, user.email);
  if (weakness !== null) throw new ApiError(400, 'weak-password', weakness);
  if (input.newPassword === input.currentPassword) {
    throw new ApiError(400, 'password-unchanged', {
      zh: '新密码不能与当前密码相同。',
      en: 'The new password must differ from the current one.',
    });
  }
  await replacePassword(ctx.db, {
    userId: user.id,
    passwordHash: await hashPassword(input.newPassword),
    mustChange: false,
    actor: user.id,
    keepSessionHash: hashSessionId(sessionId),
  });
  ctx.tokenPrincipals.forgetUser(user.id);
}
