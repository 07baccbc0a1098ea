// The contract (api/src/contract) declares these; re-exported so the component's imports stay short.
export { saveRequestSchema, requestIdParam, listRequestsQuery, type SaveRequestInput, type SavedRequestSummary, type SavedRequest } from '../contract';
