-- $1 milliseconds: the health check's own statement and lock timeouts, for this transaction only.
select set_config('statement_timeout', $1, true), set_config('lock_timeout', $1, true);
