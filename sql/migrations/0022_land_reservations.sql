-- Reservations and land allocations (markanvisning) of parcels: time-limited, kept by the
-- business unit. `reserved_for` names the party and is shown to staff only.
alter table land_parcels
  add column reservation_kind text check (reservation_kind in ('reservation', 'markanvisning')),
  add column reserved_until date,
  add column reserved_for text,
  add constraint reservation_has_end_date check (reservation_kind is null or reserved_until is not null);
