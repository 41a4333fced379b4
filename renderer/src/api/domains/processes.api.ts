/** The Lab API calls of the Processes view (issue 6). Only lab-client.ts composes this; views call labClient(). */
import {
  CheckedProcess, CheckedProcessList, ProcessPreview, ProcessRun, ProcessRunList, WebhookUrl,
  type ProcessBody, type ProcessDefinition, type ProcessPreviewBody,
} from '../../../../contract';
import type { ApiHelpers } from '../api-helpers';

export function processesApi(h: ApiHelpers) {
  const process = (id: string) => `/processes/${h.id(id)}`;
  return {
    /** The site's processes, each with its check warnings (secrets shown as `***`). */
    listProcesses: () => h.call(CheckedProcessList, 'GET', '/processes'),
    createProcess: (body: ProcessBody) => h.call(CheckedProcess, 'POST', '/processes', body),
    /** Replaces a process; a `***` URL or header sent back keeps the stored secret. */
    replaceProcess: (id: string, body: ProcessDefinition) => h.call(CheckedProcess, 'PUT', process(id), body),
    deleteProcess: async (id: string) => void (await h.send('DELETE', process(id))),
    setProcessActive: (id: string, active: boolean) => h.call(CheckedProcess, 'POST', `${process(id)}/${active ? 'enable' : 'disable'}`),
    /** Runs the process now against a record of its signal's object; answers with the run. */
    fireProcess: (id: string, recordId: string) => h.call(ProcessRun, 'POST', `${process(id)}/fire`, { recordId }),
    /** The request the process would send for the record (or only its checks), without sending it. */
    previewProcess: (body: ProcessPreviewBody) => h.call(ProcessPreview, 'POST', '/processes/preview', body),
    processRuns: (processId: string, limit = 50) => h.call(ProcessRunList, 'GET', `/process-log?processId=${h.id(processId)}&limit=${limit}`),
    /** The site's OData `$metadata` (EDMX XML) through the OData proxy: the objects, columns and lookups. */
    odataMetadata: async () => {
      const { json } = await h.send('GET', '/creatio/odata/$metadata');
      return typeof json === 'string' ? json : '';
    },
    /** The engine's full webhook URL (a secret: the editor keeps it but shows it masked). */
    engineWebhookUrl: () => h.call(WebhookUrl, 'GET', '/settings/webhook-url'),
  };
}
