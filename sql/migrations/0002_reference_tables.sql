-- Boverket's kvartersmark use codes (BFS 2020:5) and the default use table of matching.
-- Source: Boverket, Planbestämmelsekatalogen (release 20251201), see gis-data/README.md.
create table use_codes (
  code text primary key check (code ~ '^[A-Z]$'),
  name_sv text not null,
  name_en text not null,
  colour_name text not null,
  colour text not null check (colour ~ '^#[0-9a-f]{6}$'),
  boverket_code text
);

insert into use_codes (code, name_sv, name_en, colour_name, colour, boverket_code) values
  ('B', 'Bostäder', 'Housing', 'Gul', '#f4e04d', 'DP_KM_B2'),
  ('C', 'Centrum', 'Centre', 'Brun', '#b5835a', 'DP_KM_C2'),
  ('D', 'Vård', 'Healthcare', 'Röd', '#e06666', 'DP_KM_D2'),
  ('E', 'Tekniska anläggningar', 'Technical facilities', 'Blågrå', '#8c9cb4', 'DP_KM_E2'),
  ('F', 'Flygtrafik', 'Air traffic', 'Grå', '#b7b7b7', 'DP_KM_F2'),
  ('G', 'Drivmedel', 'Fuel station', 'Grå', '#b7b7b7', 'DP_KM_G2'),
  ('H', 'Detaljhandel', 'Retail', 'Brun', '#b5835a', 'DP_KM_H2'),
  ('J', 'Industri', 'Industry', 'Blågrå', '#8c9cb4', 'DP_KM_J2'),
  ('K', 'Kontor', 'Office', 'Brun', '#b5835a', 'DP_KM_K2'),
  ('L', 'Odling och djurhållning', 'Cultivation and animal husbandry', 'Grön', '#93c47d', 'DP_KM_L2'),
  ('M', 'Begravningsplats', 'Cemetery', 'Lila', '#b4a7d6', 'DP_KM_M2'),
  ('N', 'Friluftsliv och camping', 'Outdoor recreation and camping', 'Grön', '#93c47d', 'DP_KM_N2'),
  ('O', 'Tillfällig vistelse', 'Temporary accommodation', 'Orange', '#f6b26b', 'DP_KM_O2'),
  ('P', 'Parkering', 'Parking', 'Grå', '#b7b7b7', 'DP_KM_P2'),
  ('R', 'Besöksanläggningar', 'Visitor facilities', 'Orange', '#f6b26b', 'DP_KM_R2'),
  ('S', 'Skola', 'School', 'Röd', '#e06666', 'DP_KM_S2'),
  ('T', 'Trafik', 'Traffic', 'Grå', '#b7b7b7', 'DP_KM_T2'),
  ('U', 'Räddningstjänst och annat samhällsviktigt ändamål', 'Emergency services and other essential purposes', 'Röd', '#e06666', 'DP_KM_U2'),
  ('V', 'Hamn', 'Port', 'Grå', '#b7b7b7', 'DP_KM_V2'),
  ('Y', 'Annan kvartersmark', 'Other quarter land', 'Rosa', '#ead1dc', null),
  ('Z', 'Verksamheter', 'Business operations', 'Beige', '#e6d3a3', 'DP_KM_Z2');

-- Which plan use codes and premises kinds serve a company's use (docs/design.md, Matching).
-- A table, not code, so the municipality can tune it without a release.
create table match_uses (
  use text primary key check (use in ('office', 'retail', 'industry', 'logistics', 'lab')),
  plan_codes text[] not null check (cardinality(plan_codes) > 0),
  premises_kinds text[] not null check (cardinality(premises_kinds) > 0)
);

insert into match_uses (use, plan_codes, premises_kinds) values
  ('office', '{K,C}', '{office}'),
  ('retail', '{H,C}', '{retail}'),
  ('industry', '{J,Z}', '{industry,warehouse}'),
  ('logistics', '{J,Z}', '{warehouse,industry}'),
  ('lab', '{J,K,Z}', '{lab}');
