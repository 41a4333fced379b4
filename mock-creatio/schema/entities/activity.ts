import type { EntityDef } from '../schema.types';
import { ACTIVITY_CATEGORY, ACTIVITY_PRIORITY, ACTIVITY_STATUS, ACTIVITY_TYPE } from '../constants';
import { column, entity, lookup, text } from './columns';

const currentUser = { kind: 'currentUserContact' } as const;

/** Activity (reference/creatio-api.md §3.4; schema UId from [DEMO] conf/content/Activity.js). */
export const ACTIVITY: EntityDef = entity(
  'Activity',
  'Title',
  [
    text('Title', 450, { required: true }),
    column('StartDate', 'Edm.DateTimeOffset', { required: true, default: { kind: 'now' } }),
    column('DueDate', 'Edm.DateTimeOffset', { required: true, default: { kind: 'now' } }),
    lookup('PriorityId', 'ActivityPriority', {
      required: true,
      default: { kind: 'value', value: ACTIVITY_PRIORITY.Medium },
    }),
    lookup('AuthorId', 'Contact', { default: currentUser }),
    lookup('OwnerId', 'Contact', { default: currentUser }),
    lookup('TypeId', 'ActivityType', { default: { kind: 'value', value: ACTIVITY_TYPE.Task } }),
    lookup('ActivityCategoryId', 'ActivityCategory', {
      required: true,
      default: { kind: 'value', value: ACTIVITY_CATEGORY.ToDo },
    }),
    lookup('StatusId', 'ActivityStatus', {
      required: true,
      default: { kind: 'value', value: ACTIVITY_STATUS.NotStarted },
    }),
    lookup('ResultId', 'ActivityResult'),
    text('DetailedResult'),
    lookup('AccountId', 'Account'),
    lookup('ContactId', 'Contact'),
    lookup('CaseId', 'Case'),
    text('Sender', 250),
    // "Recepient" is Creatio's own spelling (§3.4)
    text('Recepient'),
    text('CopyRecepient'),
    text('BlindCopyRecepient'),
    text('Body'),
    column('IsHtmlBody', 'Edm.Boolean'),
    text('Notes'),
    column('SendDate', 'Edm.DateTimeOffset'),
    lookup('EmailSendStatusId', 'EmailSendStatus'),
    lookup('MessageTypeId', 'EmailType'),
    column('DurationInMinutes', 'Edm.Int32'),
    column('ShowInScheduler', 'Edm.Boolean'),
    lookup('SenderContactId', 'Contact'),
    column('IsAutoSubmitted', 'Edm.Boolean'),
    column('ServiceProcessed', 'Edm.Boolean'),
  ],
  'c449d832-a4cc-4b01-b9d5-8a12c42a9f89',
);
