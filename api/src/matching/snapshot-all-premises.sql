-- Every row of the snapshot's premises at once, as COPY text (snapshot.ts streams and parses it).
copy (select * from match_snapshot_premises) to stdout
