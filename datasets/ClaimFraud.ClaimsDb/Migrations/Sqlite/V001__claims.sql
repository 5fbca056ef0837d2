-- The same logical schema as Migrations/MySql/V001__claims.sql, for the embedded store.
-- STRICT tables so a wrong type fails instead of being stored as something else.
-- Times: the UTC instant as fixed-width TEXT 'YYYY-MM-DD HH:MM:SS.ffffff' (sorts as it compares) plus the
-- sender's offset in <name>_offset_min. Booleans are 0/1 INTEGERs.

CREATE TABLE claims (
  claim_id                     TEXT    NOT NULL PRIMARY KEY,
  hospital_code                TEXT    NOT NULL,
  hospital_name                TEXT    NULL,
  hospital_class               TEXT    NOT NULL CHECK (hospital_class IN ('A','B','C','D')),
  hospital_tariff_region       INTEGER NOT NULL,
  doctor_id                    TEXT    NULL,
  patient_nik                  TEXT    NOT NULL,
  patient_bpjs_number          TEXT    NULL,
  patient_name                 TEXT    NULL,
  patient_sex                  TEXT    NOT NULL CHECK (patient_sex IN ('M','F')),
  patient_birth_date           TEXT    NOT NULL,
  address_present              INTEGER NOT NULL,
  address_street               TEXT    NULL,
  address_village              TEXT    NULL,
  address_district             TEXT    NULL,
  address_city                 TEXT    NULL,
  address_province             TEXT    NULL,
  address_postal_code          TEXT    NULL,
  care_type                    TEXT    NOT NULL CHECK (care_type IN ('inpatient','outpatient')),
  care_class                   INTEGER NOT NULL,
  admission_at                 TEXT    NOT NULL,
  admission_offset_min         INTEGER NOT NULL,
  discharge_at                 TEXT    NOT NULL,
  discharge_offset_min         INTEGER NOT NULL,
  ina_cbg_code                 TEXT    NOT NULL,
  ina_cbg_tariff               INTEGER NOT NULL,
  hospital_tariff              INTEGER NOT NULL,
  documents_present            INTEGER NOT NULL,
  sep_present                  INTEGER NOT NULL,
  sep_number                   TEXT    NULL,
  sep_issued_at                TEXT    NULL,
  sep_issued_offset_min        INTEGER NULL,
  sep_patient_name             TEXT    NULL,
  sep_bpjs_number              TEXT    NULL,
  resume_present               INTEGER NOT NULL,
  resume_patient_name          TEXT    NULL,
  resume_admission_at          TEXT    NULL,
  resume_admission_offset_min  INTEGER NULL,
  resume_discharge_at          TEXT    NULL,
  resume_discharge_offset_min  INTEGER NULL,
  -- TRAINING DATA ONLY: the synthetic label; NULL on real claims; scoring never reads it.
  label_is_fraud               INTEGER NULL,
  -- TRAINING DATA ONLY: JSON array of fraud pattern names; NULL when there is no label.
  label_patterns               TEXT    NULL,
  created_at                   TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f', 'now')),
  CHECK ((sep_issued_at IS NULL) = (sep_issued_offset_min IS NULL)),
  CHECK ((resume_admission_at IS NULL) = (resume_admission_offset_min IS NULL)),
  CHECK ((resume_discharge_at IS NULL) = (resume_discharge_offset_min IS NULL)),
  CHECK ((label_is_fraud IS NULL) = (label_patterns IS NULL))
) STRICT;

CREATE INDEX ix_claims_patient_history ON claims (patient_nik, admission_at);
CREATE INDEX ix_claims_hospital_admission ON claims (hospital_code, admission_at);

CREATE TABLE claim_diagnoses (
  claim_id    TEXT    NOT NULL REFERENCES claims (claim_id) ON DELETE CASCADE,
  seq         INTEGER NOT NULL,
  icd10       TEXT    NOT NULL,
  is_primary  INTEGER NOT NULL,
  PRIMARY KEY (claim_id, seq)
) STRICT, WITHOUT ROWID;

CREATE TABLE claim_procedures (
  claim_id              TEXT    NOT NULL REFERENCES claims (claim_id) ON DELETE CASCADE,
  seq                   INTEGER NOT NULL,
  icd9cm                TEXT    NOT NULL,
  performed_at          TEXT    NULL,
  performed_offset_min  INTEGER NULL,
  PRIMARY KEY (claim_id, seq),
  CHECK ((performed_at IS NULL) = (performed_offset_min IS NULL))
) STRICT, WITHOUT ROWID;

CREATE TABLE claim_medications (
  claim_id    TEXT    NOT NULL REFERENCES claims (claim_id) ON DELETE CASCADE,
  seq         INTEGER NOT NULL,
  name        TEXT    NOT NULL,
  form        TEXT    NULL,
  quantity    REAL    NOT NULL,
  unit_price  INTEGER NOT NULL,
  PRIMARY KEY (claim_id, seq)
) STRICT, WITHOUT ROWID;

CREATE TABLE claim_vitamins (
  claim_id    TEXT    NOT NULL REFERENCES claims (claim_id) ON DELETE CASCADE,
  seq         INTEGER NOT NULL,
  name        TEXT    NOT NULL,
  dose        TEXT    NULL,
  quantity    REAL    NOT NULL,
  unit_price  INTEGER NOT NULL,
  PRIMARY KEY (claim_id, seq)
) STRICT, WITHOUT ROWID;

CREATE TABLE claim_lab_tests (
  claim_id              TEXT    NOT NULL REFERENCES claims (claim_id) ON DELETE CASCADE,
  seq                   INTEGER NOT NULL,
  name                  TEXT    NOT NULL,
  performed_at          TEXT    NULL,
  performed_offset_min  INTEGER NULL,
  PRIMARY KEY (claim_id, seq),
  CHECK ((performed_at IS NULL) = (performed_offset_min IS NULL))
) STRICT, WITHOUT ROWID;
