/**
 * A person as histories and queues show them: the display name with the department in
 * full-width brackets (`张三（区财政局）`); the API gives the stored id as the name only for
 * actors that are no user (`system`).
 */
export function personLabel(name: string, department: string | null): string {
  return department === null ? name : `${name}（${department}）`;
}
