/** Upper bound of `tokenMaxDays` from the environment: ten years, as the issue route accepts. */
const MAX_CONFIGURABLE_DAYS = 3650;

/**
 * `PLANTRACK_TOKEN_MAX_DAYS`: the longest lifetime of an API token an operator allows, in days
 * (undefined when unset). A value that is not a whole number from 1 to 3650 stops the start with
 * a zh/en message instead of silently falling back to the default.
 */
export function tokenMaxDaysFromEnv(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const days = Number(value);
  if (!Number.isInteger(days) || days < 1 || days > MAX_CONFIGURABLE_DAYS) {
    throw new Error(
      `PLANTRACK_TOKEN_MAX_DAYS 须为 1 到 ${String(MAX_CONFIGURABLE_DAYS)} 的整数 / ` +
        `PLANTRACK_TOKEN_MAX_DAYS must be a whole number from 1 to ${String(MAX_CONFIGURABLE_DAYS)}: "${value}"`,
    );
  }
  return days;
}
