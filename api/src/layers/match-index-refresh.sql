-- Refreshes, set-based, everything in the matching index that depends on the rows the load
-- wrote (load_touched) to layer $1 (sql/migrations/0070). A row whose merge found that only
-- its site facts changed (reindex 'site': area_ref, price) gets its site row again, and one
-- written unchanged ('none') nothing, as the land trigger decides for an UPDATE. After areas,
-- the parcels whose area_ref the load re-derived (while the triggers waited) get their site
-- row again too.
select refresh_match_index_for($1, array(select ref from load_touched where coalesce(reindex, 'all') = 'all')),
       case when $1 = 'land' then match_index_parcels(
         array(select l.id from land_parcels l join load_touched t on t.ref = l.ref where t.reindex = 'site'),
         array['site']) end,
       case when $1 = 'areas' then match_index_parcels(
         array(select l.id from land_parcels l join match_land_site s on s.parcel_id = l.id
               where s.area_ref is distinct from l.area_ref),
         array['site']) end;
