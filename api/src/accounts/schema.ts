// The contract (api/src/contract) declares these; re-exported so the component's imports stay short.
export { ACCOUNT_STATUSES, email, password, signupBody, createAccountBody, updateAccountBody, listAccountsQuery, loginBody, type AccountStatus } from '../contract';
