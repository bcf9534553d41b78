/** The words it needs, in the reader's language (audit.messages.ts). */
type Text = { readonly system: string; readonly anonymous: string; readonly unknownPerson: string };

/**
 * Who did it, as the audit screen names them: a user by name, the service's own jobs as 系统,
 * a failed sign-in by someone not signed in as 未登录访客; only an id the service no longer
 * knows stays 未知用户. The stored actor ids of the two non-user actors are fixed by the server
 * (`system` for scheduled and start-up work, `anonymous` for requests without a session).
 */
export function actorLabel(t: Text, actor: { id: string; name: string | null }): string {
  if (actor.name !== null) return actor.name;
  if (actor.id === 'system') return t.system;
  if (actor.id === 'anonymous') return t.anonymous;
  return t.unknownPerson;
}
