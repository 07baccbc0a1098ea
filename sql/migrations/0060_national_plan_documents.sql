-- NIS Detaljplan v4 (issue 12): what a national plan document carries beyond Etablera's own
-- plan fields, so a plan imported from one can be exported back without loss, and its
-- regulations (bestämmelser) as delivered, each with its geometry in 3006.

-- The SWEREF 99 zones a plan file may declare (koordinatsystemPlan EPSG:3006…3018). PostGIS
-- ships them; a database restored without spatial_ref_sys rows would not, so make sure.
insert into spatial_ref_sys (srid, auth_name, auth_srid, proj4text)
select v.srid, 'EPSG', v.srid, v.proj4
from (values
  (3006, '+proj=utm +zone=33 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs'),
  (3007, '+proj=tmerc +lat_0=0 +lon_0=12 +k=1 +x_0=150000 +y_0=0 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs'),
  (3008, '+proj=tmerc +lat_0=0 +lon_0=13.5 +k=1 +x_0=150000 +y_0=0 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs'),
  (3009, '+proj=tmerc +lat_0=0 +lon_0=15 +k=1 +x_0=150000 +y_0=0 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs'),
  (3010, '+proj=tmerc +lat_0=0 +lon_0=16.5 +k=1 +x_0=150000 +y_0=0 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs'),
  (3011, '+proj=tmerc +lat_0=0 +lon_0=18 +k=1 +x_0=150000 +y_0=0 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs'),
  (3012, '+proj=tmerc +lat_0=0 +lon_0=14.25 +k=1 +x_0=150000 +y_0=0 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs'),
  (3013, '+proj=tmerc +lat_0=0 +lon_0=15.75 +k=1 +x_0=150000 +y_0=0 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs'),
  (3014, '+proj=tmerc +lat_0=0 +lon_0=17.25 +k=1 +x_0=150000 +y_0=0 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs'),
  (3015, '+proj=tmerc +lat_0=0 +lon_0=18.75 +k=1 +x_0=150000 +y_0=0 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs'),
  (3016, '+proj=tmerc +lat_0=0 +lon_0=20.25 +k=1 +x_0=150000 +y_0=0 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs'),
  (3017, '+proj=tmerc +lat_0=0 +lon_0=21.75 +k=1 +x_0=150000 +y_0=0 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs'),
  (3018, '+proj=tmerc +lat_0=0 +lon_0=23.25 +k=1 +x_0=150000 +y_0=0 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs')
) as v(srid, proj4)
where not exists (select 1 from spatial_ref_sys s where s.srid = v.srid);

-- The plan object of the national document. national_id (objektidentitet) is the plan's
-- identity across versions; the dates come from beslutsinformation.
alter table plans add column if not exists national_id uuid unique;
alter table plans add column if not exists national_version integer;
alter table plans add column if not exists version_valid_from timestamptz;
alter table plans add column if not exists designation text;
alter table plans add column if not exists municipality_name text;
alter table plans add column if not exists purpose text;
alter table plans add column if not exists plan_type text
  check (plan_type in ('avstyckningsplan', 'byggnadsplan', 'detaljplan', 'stadsplan'));
alter table plans add column if not exists diary_number text;
alter table plans add column if not exists started_date date;
alter table plans add column if not exists adopted_date date;
alter table plans add column if not exists implementation_start_date date;
-- genomförandetid as delivered: an integer the schema gives no unit; read as months (S5).
alter table plans add column if not exists implementation_months integer check (implementation_months > 0);
-- plangeometri: the plan area, which use zones of allmän plats and water also fill.
alter table plans add column if not exists boundary geometry(MultiPolygon, 3006)
  check (boundary is null or (ST_IsValid(boundary) and not ST_IsEmpty(boundary)));
-- geometrimetadata of the plan boundary (lägesbestämningsmetod, tidpunkt), kept for export.
alter table plans add column if not exists geometry_metadata jsonb;

-- Every regulation of a national plan as delivered: kvartersmark use regulations also
-- became zones (zone_ref), property regulations may have given zones their building rights.
create table if not exists plan_regulations (
  national_id uuid primary key,
  plan_id text not null references plans (plan_id) on update cascade on delete cascade,
  ord integer not null,
  kind text not null
    check (kind in ('användningsbestämmelse', 'egenskapsbestämmelse', 'administrativ bestämmelse')),
  catalogue_id uuid not null,
  wording text not null,
  original_wording text,
  -- bestammelsevarde[] as delivered (datatyp, variabelvarde, beskrivning, vardetyp, enhet)
  variable_values jsonb not null default '[]',
  regulates uuid[],
  motive text,
  zone_ref text references plan_zones (ref) on update cascade on delete set null,
  geometry_metadata jsonb,
  geom geometry(Geometry, 3006) not null check (ST_IsValid(geom) and not ST_IsEmpty(geom)),
  unique (plan_id, ord)
);
create index if not exists plan_regulations_plan_idx on plan_regulations (plan_id);
create index if not exists plan_regulations_zone_idx on plan_regulations (zone_ref);

-- The name-based UUID (RFC 4122 version 3: MD5 of 'etablera:' || name) a plan drawn in
-- Etablera is exported with (api/src/plans/national/export-document.ts nameUuid), so the
-- national file of such a plan, loaded back, finds the plan and zones it came from.
create or replace function etablera_name_uuid(name text) returns uuid
language sql immutable strict parallel safe as $$
  select (substr(h, 1, 12) || '3' || substr(h, 14, 3)
          || substr('89ab', (('x' || substr(h, 17, 1))::bit(4)::int & 3) + 1, 1) || substr(h, 18))::uuid
  from (select md5('etablera:' || name) as h) m
$$;
