-- $1 'on' | 'off': while on (until the transaction ends), the matching index triggers leave the
-- refresh to one refresh_match_index_for() call (sql/migrations/0070) after the whole file.
select set_config('etablera.match_index_deferred', $1, true);
