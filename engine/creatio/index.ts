/** The engine's Creatio client: OData 4, OAuth client credentials or forms login (reference/creatio-api.md §1, §2). */
export { createCreatioClient, odataString, MAX_BATCH_REQUESTS } from './creatio-client';
export type { BatchPartResult, BatchWrite, CreatioClient, CreatioClientOptions, ODataQuery } from './creatio-client';
export { createSharedBatches } from './shared-batches';
export type { SharedBatchAnswer, SharedBatches } from './shared-batches';
