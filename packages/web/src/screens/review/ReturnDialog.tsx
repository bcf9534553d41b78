import { ReasonDialog } from '../../components/ReasonDialog';
import { format } from '../../i18n/i18n';
import type { ReviewText } from './review.messages';

/** Asks for the reason a submission is returned; the department sees it. */
export function ReturnDialog({
  t,
  name,
  period,
  busy,
  onConfirm,
  onCancel,
}: {
  t: ReviewText;
  name: string;
  period: string;
  busy: boolean;
  onConfirm: (reason: string) => void;
  onCancel: () => void;
}) {
  return (
    <ReasonDialog
      text={{
        title: format(t.returnTitle, { name, period }),
        confirm: t.confirmReturn,
        cancel: t.cancel,
        label: t.reason,
        help: t.reasonHelp,
        required: t.reasonRequired,
      }}
      maxLength={4000}
      busy={busy}
      onConfirm={onConfirm}
      onCancel={onCancel}
    />
  );
}
