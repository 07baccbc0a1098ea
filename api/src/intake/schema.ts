// The contract (api/src/contract) declares these; re-exported so the component's imports stay short.
export { intakeBody, type IntakeBody } from '../contract';
