-- $1 case id: the bank's active items (and any ticked inactive ones) with this case's ticks
select i.id, i.stage, i.position, i.label_sv as "labelSv", i.label_en as "labelEn",
       t.done_at is not null as done, t.done_at as "doneAt", t.done_by as "doneBy"
from checklist_items i
left join case_checklist t on t.item_id = i.id and t.case_id = $1
where i.active or t.done_at is not null
order by array_position(array['first_contact','needs_analysis','site_proposals','site_visit','negotiation',
                              'decision','established','lost','follow_up'], i.stage), i.position, i.id;
