-- The accounts of staff (not property owners): whose e-mails the business unit does not see in the audit log.
select id from accounts where role <> 'owner';
