import { useTranslation } from 'react-i18next';
import { StatusBadge } from '@utrecht/component-library-react';
import { lessonStatusLabel } from './labels';
import type { LessonStatus } from '../../api/lessons';

const kinds: Record<LessonStatus, 'success' | 'neutral' | 'warning'> = {
  proposed: 'warning',
  accepted: 'success',
  rejected: 'neutral',
  merged: 'neutral',
};

/** LessonStatusBadge says, in words, where a lesson is in its curation (for facilitators). */
export function LessonStatusBadge({ status }: { status: LessonStatus }) {
  const { t } = useTranslation();
  return (
    <StatusBadge status={kinds[status]} className="leerlus-badge" data-status={status}>
      {lessonStatusLabel(t, status)}
    </StatusBadge>
  );
}
