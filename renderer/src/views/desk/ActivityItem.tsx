/** One activity: type, title, author, when, and its body as text (an HTML body is never rendered as HTML). */
import { memo } from 'react';
import { formatDateTime, htmlToText } from '../../lib/format';
import type { ActivityRow } from '../../stores/creatio/creatio.rows';

export const ActivityItem = memo(function ActivityItem({ activity }: { activity: ActivityRow }) {
  const body = activity.isHtml ? htmlToText(activity.body) : activity.body;
  return (
    <li className="activity">
      <div className="activity-head">
        <span className={`badge type-${activity.type.toLowerCase()}`}>{activity.type || 'Activity'}</span>
        <strong className="activity-title">{activity.title}</strong>
      </div>
      <p className="activity-meta">
        {activity.author || 'Unknown author'} · <time dateTime={activity.createdOn}>{formatDateTime(activity.createdOn)}</time>
      </p>
      {body && <p className="activity-body">{body}</p>}
    </li>
  );
});
