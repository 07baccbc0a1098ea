-- the process bank, every item (inactive ones too, for the admin)
select id, stage, position, label_sv as "labelSv", label_en as "labelEn", active, version
from checklist_items
order by array_position(array['first_contact','needs_analysis','site_proposals','site_visit','negotiation',
                              'decision','established','lost','follow_up'], stage), position, id;
