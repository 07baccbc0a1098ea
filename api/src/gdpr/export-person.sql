-- $1 e-mail (lower case): everything Etablera keeps about that person, as one JSON document.
select json_build_object(
  'account', (select json_build_object('id', a.id, 'email', a.email, 'name', a.name, 'role', a.role, 'status', a.status,
                'organisation', a.organisation, 'phone', a.phone, 'createdAt', a.created_at, 'updatedAt', a.updated_at,
                'approvedAt', a.approved_at)
              from accounts a where a.email = $1),
  'sessions', (select coalesce(json_agg(json_build_object('createdAt', s.created_at, 'expiresAt', s.expires_at) order by s.created_at), '[]')
               from sessions s join accounts a on a.id = s.account_id where a.email = $1),
  'apiTokens', (select coalesce(json_agg(json_build_object('name', t.name, 'createdAt', t.created_at, 'expiresAt', t.expires_at,
                  'lastUsedAt', t.last_used_at, 'revokedAt', t.revoked_at) order by t.id), '[]')
                from api_tokens t join accounts a on a.id = t.account_id where a.email = $1),
  'premises', (select coalesce(json_agg(json_build_object('ref', p.ref, 'title', p.title, 'address', p.address, 'status', p.status) order by p.ref), '[]')
               from premises p join accounts a on a.id = p.owner_account_id where a.email = $1),
  'requests', (select coalesce(json_agg(json_build_object('id', r.id, 'companyName', r.company_name, 'contactName', r.contact_name,
                 'contactEmail', r.contact_email, 'contactPhone', r.contact_phone, 'sector', r.sector, 'notes', r.notes,
                 'criteria', r.criteria, 'createdAt', r.created_at) order by r.id), '[]')
               from match_requests r where lower(r.contact_email) = $1),
  'cases', (select coalesce(json_agg(json_build_object('id', c.id, 'companyName', c.company_name, 'contactName', c.contact_name,
              'contactEmail', c.contact_email, 'contactPhone', c.contact_phone, 'stage', c.stage, 'source', c.source,
              'createdAt', c.created_at, 'closedAt', c.closed_at,
              'events', (select coalesce(json_agg(json_build_object('kind', e.kind, 'occurredAt', e.occurred_at, 'body', e.body) order by e.occurred_at, e.id), '[]')
                         from case_events e where e.case_id = c.id)) order by c.id), '[]')
            from cases c where lower(c.contact_email) = $1),
  'auditEntries', (select coalesce(json_agg(json_build_object('at', l.at, 'entity', l.entity, 'ref', l.entity_ref, 'action', l.action,
                     'by', case when l.account_email = $1 then 'this person' else 'someone else' end) order by l.id), '[]')
                   from audit_log l
                   where l.account_email = $1 or strpos(lower(coalesce(l.before::text, '') || coalesce(l.after::text, '')), $1) > 0)
) as data;
