-- The matching index's revision (0090_match_snapshot.sql), as text: a bigint exceeds JS numbers' exact range only in theory, but text keeps it exact.
select revision::text as revision, pruned_through::text as pruned_through from match_index_state;
