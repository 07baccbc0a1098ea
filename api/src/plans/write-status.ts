// The plan status pipeline is a rule the editor checks live: it lives in the contract.
export { transitionProblem } from '../contract/rules';
