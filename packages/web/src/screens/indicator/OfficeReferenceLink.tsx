import { Link } from 'react-router';
import { hasAnyRole, useUser } from '../../auth/auth';
import { useMessages } from '../../i18n/i18n';
import { referencesMessages } from '../office/references/references.messages';

/**
 * For the planning office on an indicator's page: the way to this indicator's reference values
 * and the plan's thresholds (the office console's references tab with the indicator preselected).
 */
export function OfficeReferenceLink({ indicatorId }: { indicatorId: string }) {
  const t = useMessages(referencesMessages);
  if (!hasAnyRole(useUser(), ['planning_office', 'administrator'])) return null;
  return (
    <Link to={`/office?tab=references&indicator=${encodeURIComponent(indicatorId)}`}>
      {t.linkFromIndicator}
    </Link>
  );
}
