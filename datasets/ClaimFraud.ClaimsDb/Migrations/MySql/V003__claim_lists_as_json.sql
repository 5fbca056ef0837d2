-- A claim's lists move into JSON columns of its claims row, one array per list, items with the contract §1 field
-- names: loading a claim becomes one row instead of one per list item (about eight), which is what limited the
-- bulk loader (MariaDB's CPU per inserted row). Times keep microseconds and the sender's offset
-- ("2024-10-10T08:00:00.000000+07:00"), numbers their exact value; the loader (Schema/ClaimListJson.cs) writes the same
-- form, leaving out a zero fraction ("2024-10-10T08:00:00+07:00"), and reads both.
-- The per-list tables are folded into the new columns and dropped. No per-code index table replaces them: one
-- (claim_id, kind, code) row per diagnosis and procedure, with an index on the code, cost the server 35-50% more
-- CPU per loaded claim. Code questions scan the lists, e.g.
--   SELECT claim_id FROM claims, JSON_TABLE(diagnoses, '$[*]' COLUMNS (icd10 VARCHAR(16) PATH '$.icd10')) d WHERE d.icd10 = 'A09';

-- JSON_ARRAYAGG is bounded by group_concat_max_len (1 MiB by default); a list may hold up to 65,536 items.
SET SESSION group_concat_max_len = 1073741824;

ALTER TABLE claims
  ADD COLUMN diagnoses    JSON NULL COMMENT '[{"icd10", "primary"}] in contract order',
  ADD COLUMN procedures   JSON NULL COMMENT '[{"icd9cm", "at"}]; at is local time with offset, or null',
  ADD COLUMN medications  JSON NULL COMMENT '[{"name", "form", "quantity", "unit_price"}]; unit_price whole rupiah',
  ADD COLUMN vitamins     JSON NULL COMMENT '[{"name", "dose", "quantity", "unit_price"}]',
  ADD COLUMN lab_tests    JSON NULL COMMENT '[{"name", "at"}]';

UPDATE claims c SET
  diagnoses = COALESCE((
    SELECT JSON_ARRAYAGG(JSON_OBJECT('icd10', d.icd10, 'primary', d.is_primary IS TRUE) ORDER BY d.seq)
    FROM claim_diagnoses d WHERE d.claim_id = c.claim_id), '[]'),
  procedures = COALESCE((
    SELECT JSON_ARRAYAGG(JSON_OBJECT('icd9cm', p.icd9cm, 'at', CONCAT(
        DATE_FORMAT(p.performed_at + INTERVAL p.performed_offset_min MINUTE, '%Y-%m-%dT%H:%i:%s.%f'),
        IF(p.performed_offset_min < 0, '-', '+'),
        LPAD(ABS(p.performed_offset_min) DIV 60, 2, '0'), ':', LPAD(ABS(p.performed_offset_min) MOD 60, 2, '0'))) ORDER BY p.seq)
    FROM claim_procedures p WHERE p.claim_id = c.claim_id), '[]'),
  medications = COALESCE((
    SELECT JSON_ARRAYAGG(JSON_OBJECT('name', m.name, 'form', m.form, 'quantity', m.quantity, 'unit_price', m.unit_price) ORDER BY m.seq)
    FROM claim_medications m WHERE m.claim_id = c.claim_id), '[]'),
  vitamins = COALESCE((
    SELECT JSON_ARRAYAGG(JSON_OBJECT('name', v.name, 'dose', v.dose, 'quantity', v.quantity, 'unit_price', v.unit_price) ORDER BY v.seq)
    FROM claim_vitamins v WHERE v.claim_id = c.claim_id), '[]'),
  lab_tests = COALESCE((
    SELECT JSON_ARRAYAGG(JSON_OBJECT('name', l.name, 'at', CONCAT(
        DATE_FORMAT(l.performed_at + INTERVAL l.performed_offset_min MINUTE, '%Y-%m-%dT%H:%i:%s.%f'),
        IF(l.performed_offset_min < 0, '-', '+'),
        LPAD(ABS(l.performed_offset_min) DIV 60, 2, '0'), ':', LPAD(ABS(l.performed_offset_min) MOD 60, 2, '0'))) ORDER BY l.seq)
    FROM claim_lab_tests l WHERE l.claim_id = c.claim_id), '[]');

ALTER TABLE claims
  MODIFY diagnoses    JSON NOT NULL COMMENT '[{"icd10", "primary"}] in contract order',
  MODIFY procedures   JSON NOT NULL COMMENT '[{"icd9cm", "at"}]; at is local time with offset, or null',
  MODIFY medications  JSON NOT NULL COMMENT '[{"name", "form", "quantity", "unit_price"}]; unit_price whole rupiah',
  MODIFY vitamins     JSON NOT NULL COMMENT '[{"name", "dose", "quantity", "unit_price"}]',
  MODIFY lab_tests    JSON NOT NULL COMMENT '[{"name", "at"}]';

DROP TABLE claim_diagnoses, claim_procedures, claim_medications, claim_vitamins, claim_lab_tests;
