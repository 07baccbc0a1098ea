-- $1 item id
select id, stage, position, label_sv as "labelSv", label_en as "labelEn", active, version
from checklist_items where id = $1;
