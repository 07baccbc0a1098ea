-- The plan codes and premises kinds each use takes (match_uses).
select use, plan_codes, premises_kinds from match_uses;
