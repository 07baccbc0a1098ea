-- The uses of the matching table (docs/design.md), with their plan codes and premises kinds.
select use, plan_codes as "planCodes", premises_kinds as "premisesKinds" from match_uses;
