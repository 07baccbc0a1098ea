-- Boverket's use codes with their colours, for the legend of the plans layer.
select code, name_sv as "nameSv", name_en as "nameEn", colour
from use_codes
order by code;
