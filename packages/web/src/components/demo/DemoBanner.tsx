import type { InstanceInfo } from '@plantrack/api';
import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import { startupOutcome, takeStartupPending } from '../../api/startup-data';
import { useMessages } from '../../i18n/i18n';
import { demoBannerMessages } from './demo-banner.messages';

const INSTANCE = '/api/instance';

/**
 * A strip above every screen (the sign-in and public pages included) while the service serves a
 * demo database (`GET /api/instance`, sent with the startup requests), so no simulated figure is
 * taken for a real one. In the page flow, not floating: it never covers content. Nothing when the
 * database is real.
 */
export function DemoBanner() {
  const t = useMessages(demoBannerMessages);
  const [initial] = useState(() => startupOutcome(INSTANCE));
  const [demo, setDemo] = useState(initial?.ok === true && (initial.data as InstanceInfo).demo);

  useEffect(() => {
    if (initial !== undefined) return;
    const controller = new AbortController();
    const answer =
      takeStartupPending<InstanceInfo>(INSTANCE) ??
      api<InstanceInfo>(INSTANCE, { signal: controller.signal });
    answer.then(
      (info) => {
        if (!controller.signal.aborted) setDemo(info.demo);
      },
      () => undefined, // No answer: nothing to say; the screens report what failed.
    );
    return () => {
      controller.abort();
    };
  }, [initial]);

  if (!demo) return null;
  return (
    <div role="status" className="demo-banner" data-testid="demo-banner">
      <strong>{t.title}</strong>
      <span>{t.detail}</span>
    </div>
  );
}
