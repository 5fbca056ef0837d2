-- As Migrations/MySql/V003__claim_lists_as_json.sql: each list becomes a JSON column of the claims row (contract §1
-- field names; times "2024-10-10T08:00:00.000000+07:00"), and the per-list tables are
-- folded in and dropped. SQLite adds a NOT NULL column only with a default; the loader
-- always writes every list, so the default only ever applies to the rows filled here.
-- Quantities go through printf('%!.17g'): seventeen significant digits read back as the same double, which SQLite's
-- own JSON rendering of REAL (fifteen digits) would not.

ALTER TABLE claims ADD COLUMN diagnoses   TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(diagnoses));
ALTER TABLE claims ADD COLUMN procedures  TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(procedures));
ALTER TABLE claims ADD COLUMN medications TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(medications));
ALTER TABLE claims ADD COLUMN vitamins    TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(vitamins));
ALTER TABLE claims ADD COLUMN lab_tests   TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(lab_tests));

-- The UTC text 'YYYY-MM-DD HH:MM:SS.ffffff' moved to the sender's clock: whole seconds through strftime (given without
-- the fraction, which SQLite would round to milliseconds), then the microseconds and the offset as written.
UPDATE claims SET
  diagnoses = COALESCE((
    SELECT json_group_array(json(item)) FROM (
      SELECT json_object('icd10', icd10, 'primary', json(CASE WHEN is_primary THEN 'true' ELSE 'false' END)) AS item
      FROM claim_diagnoses d WHERE d.claim_id = claims.claim_id ORDER BY seq)), '[]'),
  procedures = COALESCE((
    SELECT json_group_array(json(item)) FROM (
      SELECT json_object('icd9cm', icd9cm, 'at', CASE WHEN performed_at IS NULL THEN NULL ELSE
          strftime('%Y-%m-%dT%H:%M:%S', substr(performed_at, 1, 19), printf('%+d minutes', performed_offset_min))
          || substr(performed_at, 20, 7)
          || printf('%s%02d:%02d', CASE WHEN performed_offset_min < 0 THEN '-' ELSE '+' END,
                    abs(performed_offset_min) / 60, abs(performed_offset_min) % 60) END) AS item
      FROM claim_procedures p WHERE p.claim_id = claims.claim_id ORDER BY seq)), '[]'),
  medications = COALESCE((
    SELECT json_group_array(json(item)) FROM (
      SELECT json_object('name', name, 'form', form, 'quantity', json(printf('%!.17g', quantity)), 'unit_price', unit_price) AS item
      FROM claim_medications m WHERE m.claim_id = claims.claim_id ORDER BY seq)), '[]'),
  vitamins = COALESCE((
    SELECT json_group_array(json(item)) FROM (
      SELECT json_object('name', name, 'dose', dose, 'quantity', json(printf('%!.17g', quantity)), 'unit_price', unit_price) AS item
      FROM claim_vitamins v WHERE v.claim_id = claims.claim_id ORDER BY seq)), '[]'),
  lab_tests = COALESCE((
    SELECT json_group_array(json(item)) FROM (
      SELECT json_object('name', name, 'at', CASE WHEN performed_at IS NULL THEN NULL ELSE
          strftime('%Y-%m-%dT%H:%M:%S', substr(performed_at, 1, 19), printf('%+d minutes', performed_offset_min))
          || substr(performed_at, 20, 7)
          || printf('%s%02d:%02d', CASE WHEN performed_offset_min < 0 THEN '-' ELSE '+' END,
                    abs(performed_offset_min) / 60, abs(performed_offset_min) % 60) END) AS item
      FROM claim_lab_tests l WHERE l.claim_id = claims.claim_id ORDER BY seq)), '[]');

DROP TABLE claim_diagnoses;
DROP TABLE claim_procedures;
DROP TABLE claim_medications;
DROP TABLE claim_vitamins;
DROP TABLE claim_lab_tests;
