-- Every row of the snapshot's land sites at once, as COPY text (snapshot.ts streams and parses it).
copy (select * from match_snapshot_land_sites) to stdout
