-- $1 id, $2 expected version, $3 stage, $4 position, $5 label sv, $6 label en, $7 active
update checklist_items set stage = $3, position = $4, label_sv = $5, label_en = $6, active = $7
where id = $1 and version = $2
returning version;
