import { ReasonDialog } from '../../components/ReasonDialog';
import { useMessages } from '../../i18n/i18n';
import { reportsMessages } from './reports.messages';

/** Asks a leader why a report goes back to the office; the office sees the note on the report. */
export function ReturnReportDialog({
  busy,
  onConfirm,
  onCancel,
}: {
  busy: boolean;
  onConfirm: (note: string) => void;
  onCancel: () => void;
}) {
  const t = useMessages(reportsMessages);
  return (
    <ReasonDialog
      text={{
        title: t.returnTitle,
        confirm: t.returnIt,
        cancel: t.cancel,
        label: t.returnReason,
        help: t.returnReasonHelp,
        required: t.returnReasonRequired,
      }}
      maxLength={2000}
      busy={busy}
      onConfirm={onConfirm}
      onCancel={onCancel}
    />
  );
}
