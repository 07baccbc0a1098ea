-- After a part of a load in parts was merged and indexed: its rows need nothing more from the
-- matching index (the next part's refresh reads only the rows still asking, see
-- match-index-refresh.sql).
update load_touched set reindex = 'none' where reindex is distinct from 'none';
