-- $1 stage, $2 position, $3 label sv, $4 label en, $5 active
insert into checklist_items (stage, position, label_sv, label_en, active)
values ($1, $2, $3, $4, $5)
returning id;
