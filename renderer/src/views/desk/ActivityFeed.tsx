/** The case's activities, newest first as in Creatio's feed: agent replies, the handoff note, the transcript. */
import { selectActivities } from '../../stores/creatio/creatio.selectors';
import { useCreatioStore } from '../../stores/creatio/creatio.store';
import { ActivityItem } from './ActivityItem';

export function ActivityFeed() {
  const activities = useCreatioStore(selectActivities);
  return (
    <div className="activity-feed">
      <h3 id="feed-title">Activities <span className="count">({activities.length}, newest first)</span></h3>
      {activities.length === 0 ? (
        <p className="empty">No activity on this case yet.</p>
      ) : (
        <ol aria-labelledby="feed-title" className="activities">
          {activities.map((activity) => <ActivityItem key={activity.id} activity={activity} />)}
        </ol>
      )}
    </div>
  );
}
