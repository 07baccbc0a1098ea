import { errorResponses } from '../openapi/shared';

/** OpenAPI path of the business unit's KPIs. */
export function kpisPaths(): Record<string, unknown> {
  return {
    '/api/kpis': {
      get: {
        tags: ['cases'],
        summary: 'Key figures of establishment cases (business, admin)',
        description:
          'from/to (YYYY-MM-DD, inclusive, Stockholm dates) select the cases opened (first timeline event) in the period; ' +
          'figures are over those cases as they stand now. openByStage counts the active stages (first_contact … decision); ' +
          'medianDaysToFirstProposal: days from first event to first site_proposed; medianDaysInStage: per stage over ' +
          'completed stays (between consecutive stage changes); jobsInOpenCases over active stages; jobsEstablished and won ' +
          'over outcome established (also in follow_up); satisfactionMean over answered cases; requestsPerUseAndArea: saved ' +
          'requests created in the period per month, use and named area. format=csv gives long rows metric,key,month,use,areaRef,value.',
        operationId: 'kpis',
        parameters: [
          { name: 'from', in: 'query', schema: { type: 'string', format: 'date' } },
          { name: 'to', in: 'query', schema: { type: 'string', format: 'date' } },
          { name: 'format', in: 'query', schema: { enum: ['json', 'csv'], default: 'json' } },
        ],
        responses: {
          200: {
            description: 'The KPIs',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['openByStage', 'medianDaysToFirstProposal', 'medianDaysInStage', 'won', 'lost', 'lostReasons', 'jobsInOpenCases', 'jobsEstablished', 'satisfactionMean'],
                  properties: {
                    openByStage: { type: 'object', additionalProperties: { type: 'integer' } },
                    medianDaysToFirstProposal: { type: ['number', 'null'] },
                    medianDaysInStage: { type: 'object', additionalProperties: { type: ['number', 'null'] } },
                    won: { type: 'integer' },
                    lost: { type: 'integer' },
                    lostReasons: { type: 'object', additionalProperties: { type: 'integer' } },
                    jobsInOpenCases: { type: 'integer' },
                    jobsEstablished: { type: 'integer' },
                    investmentMsekInOpenCases: { type: 'number' },
                    investmentMsekEstablished: { type: 'number' },
                    satisfactionMean: { type: ['number', 'null'] },
                    proposalsPerCase: { type: ['number', 'null'] },
                    requestsPerUseAndArea: { type: 'array', items: { type: 'object' } },
                  },
                },
              },
              'text/csv': { schema: { type: 'string' } },
            },
          },
          ...errorResponses(400, 401, 403),
        },
      },
    },
  };
}
