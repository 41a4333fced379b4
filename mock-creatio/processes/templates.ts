import { ACTIVITY_TYPE, CASE_STATUS } from '../schema/constants';
import type { BusinessProcess } from './process.schema';

/**
 * The two processes of the seed (seed-case-sync.md, "Create a business process for agent replies"
 * and "... for case closure"), ready to point at the engine's webhook URL.
 */
export type TemplateName = 'agent-reply' | 'case-closure';

const JSON_HEADERS = { method: 'POST', contentType: 'application/json', headers: {} } as const;

/**
 * Agent reply: Signal on Activity "record added", filter Type = Email or Type = Task (the seed's
 * example) and the activity linked to a case (the seed's tip: filter by the parent case), then
 * POST `{"event_type":"new_activity","caseId":"[#Case.Id#]"}`.
 */
export function agentReplyTemplate(url: string, id = 'agent-reply'): BusinessProcess {
  return {
    id,
    name: 'Agent reply → helpdesk',
    active: true,
    signal: {
      entity: 'Activity',
      event: 'added',
      filter: {
        logic: 'and',
        conditions: [
          { logic: 'or', conditions: [
            { column: 'TypeId', op: 'eq', value: ACTIVITY_TYPE.Email },
            { column: 'TypeId', op: 'eq', value: ACTIVITY_TYPE.Task },
          ] },
          { column: 'CaseId', op: 'notEmpty' },
        ],
      },
    },
    callWebService: { ...JSON_HEADERS, url, body: '{"event_type":"new_activity","caseId":"[#Case.Id#]"}' },
  };
}

/**
 * Case closure: Signal on Case "record modified" in the Status column, filter Status = Resolved,
 * then POST `{"event_type":"case_closed","caseId":"[#Case.Id#]"}`.
 */
export function caseClosureTemplate(url: string, id = 'case-closure'): BusinessProcess {
  return {
    id,
    name: 'Case closure → helpdesk',
    active: true,
    signal: {
      entity: 'Case',
      event: 'modified',
      changedColumns: ['StatusId'],
      filter: { logic: 'and', conditions: [{ column: 'StatusId', op: 'eq', value: CASE_STATUS.Resolved }] },
    },
    callWebService: { ...JSON_HEADERS, url, body: '{"event_type":"case_closed","caseId":"[#Case.Id#]"}' },
  };
}

/** Both seed processes pointing at `url` (the engine's webhook URL). */
export function seedProcessTemplates(url: string): BusinessProcess[] {
  return [agentReplyTemplate(url), caseClosureTemplate(url)];
}

export function processTemplate(name: TemplateName, url: string, id?: string): BusinessProcess {
  return name === 'agent-reply' ? agentReplyTemplate(url, id) : caseClosureTemplate(url, id);
}
