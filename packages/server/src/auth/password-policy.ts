import { randomBytes } from 'node:crypto';
import type { Messages } from '../errors.js';

/** Shortest password accepted (the administration API asked for 12 before the policy existed). */
export const PASSWORD_MIN_LENGTH = 12;
/** From this length a password counts as a passphrase and needs no second character class. */
export const PASSPHRASE_LENGTH = 20;
/** Longest password accepted: argon2 hashes anything, but a megabyte "password" is an attack. */
export const PASSWORD_MAX_LENGTH = 200;

/**
 * Passwords that guessing tools try first, lower-cased. Deliberately small: the length and class
 * rules already refuse most weak passwords; this list catches the famous ones that pass them.
 */
const COMMON_PASSWORDS = new Set([
  'password1234',
  'password12345',
  'password123456',
  'passw0rd1234',
  'qwerty123456',
  'qwertyuiop123',
  '1qaz2wsx3edc',
  '1q2w3e4r5t6y',
  'abc123456789',
  'abcd12345678',
  'admin1234567',
  'administrator1',
  'iloveyou1234',
  'welcome12345',
  'letmein12345',
  'changeme1234',
  'p@ssw0rd1234',
  'a123456789012',
  'zxcvbnm12345',
  'woaini1314520',
  'plantrack123',
  'plantrack1234',
]);

/** The policy in words, for the web app's form and for every refusal. */
export const PASSWORD_POLICY: Messages = {
  zh:
    `密码至少 ${String(PASSWORD_MIN_LENGTH)} 个字符，且至少包含小写字母、大写字母、数字、其他符号中的两类` +
    `（${String(PASSPHRASE_LENGTH)} 个字符以上的长密码短语不受此限）；不得与邮箱相同，不得是常见密码。`,
  en:
    `At least ${String(PASSWORD_MIN_LENGTH)} characters from at least two of: lower-case letters, ` +
    `upper-case letters, digits, other symbols (a passphrase of ${String(PASSPHRASE_LENGTH)} characters ` +
    'or more needs only one); not your e-mail address, not a common password.',
};

/** Lower-case, upper-case, digit, anything else (Chinese characters count as "other"). */
function characterClasses(password: string): number {
  const classes = [/\p{Ll}/u, /\p{Lu}/u, /\p{Nd}/u, /[^\p{Ll}\p{Lu}\p{Nd}]/u];
  return classes.filter((c) => c.test(password)).length;
}

/**
 * Why a password breaks the policy (zh/en, followed by the policy itself), or null when it meets
 * it. Characters are counted as code points, so a Chinese passphrase is measured as it is typed.
 */
export function passwordWeakness(password: string, email: string | null): Messages | null {
  const length = [...password].length;
  const lower = password.trim().toLowerCase();
  const mail = email?.trim().toLowerCase() ?? null;
  let reason: Messages | null = null;
  if (length < PASSWORD_MIN_LENGTH) {
    reason = { zh: '密码太短。', en: 'The password is too short.' };
  } else if (length > PASSWORD_MAX_LENGTH) {
    reason = { zh: '密码太长。', en: 'The password is too long.' };
  } else if (length < PASSPHRASE_LENGTH && characterClasses(password) < 2) {
    reason = { zh: '密码只含一类字符。', en: 'The password uses only one kind of character.' };
  } else if (mail !== null && (lower === mail || lower === mail.split('@')[0])) {
    reason = { zh: '密码不能与邮箱相同。', en: 'The password must not be your e-mail address.' };
  } else if (COMMON_PASSWORDS.has(lower)) {
    reason = { zh: '这是常见密码，容易被猜中。', en: 'This is a common password and easy to guess.' };
  }
  if (reason === null) return null;
  return { zh: `${reason.zh}${PASSWORD_POLICY.zh}`, en: `${reason.en} ${PASSWORD_POLICY.en}` };
}

/**
 * A random password that meets the policy (first administrator, users created or reset by an
 * administrator): 96 random bits as 16 URL-safe characters, drawn again in the rare case they fall
 * into one character class.
 */
export function generatePassword(): string {
  for (;;) {
    const password = randomBytes(12).toString('base64url');
    if (passwordWeakness(password, null) === null) return password;
  }
}
