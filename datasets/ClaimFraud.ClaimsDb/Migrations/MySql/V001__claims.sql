-- Claims as contract §1 describes them, one row per claim plus one table per list (order kept by seq).
-- Times: the UTC instant in a DATETIME(6) column (queryable, comparable across hospitals) and the offset the
-- sender wrote in <name>_offset_min, so the exact DateTimeOffset comes back. Money is whole rupiah (BIGINT).
-- *_present flags tell an absent object (address, documents, sep, resume_medis) from one whose fields are all null.

CREATE TABLE claims (
  claim_id                     VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  hospital_code                VARCHAR(32)  NOT NULL,
  hospital_name                VARCHAR(256) NULL,
  hospital_class               ENUM('A','B','C','D') NOT NULL,
  hospital_tariff_region       SMALLINT     NOT NULL,
  doctor_id                    VARCHAR(64)  NULL,
  patient_nik                  CHAR(16) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  patient_bpjs_number          VARCHAR(32)  NULL,
  patient_name                 VARCHAR(256) NULL,
  patient_sex                  ENUM('M','F') NOT NULL,
  patient_birth_date           DATE         NOT NULL,
  address_present              BOOLEAN      NOT NULL,
  address_street               VARCHAR(256) NULL,
  address_village              VARCHAR(256) NULL,
  address_district             VARCHAR(256) NULL,
  address_city                 VARCHAR(256) NULL,
  address_province             VARCHAR(256) NULL,
  address_postal_code          VARCHAR(16)  NULL,
  care_type                    ENUM('inpatient','outpatient') NOT NULL,
  care_class                   SMALLINT     NOT NULL,
  admission_at                 DATETIME(6)  NOT NULL COMMENT 'UTC',
  admission_offset_min         SMALLINT     NOT NULL,
  discharge_at                 DATETIME(6)  NOT NULL COMMENT 'UTC',
  discharge_offset_min         SMALLINT     NOT NULL,
  ina_cbg_code                 VARCHAR(32)  NOT NULL,
  ina_cbg_tariff               BIGINT       NOT NULL,
  hospital_tariff              BIGINT       NOT NULL,
  documents_present            BOOLEAN      NOT NULL,
  sep_present                  BOOLEAN      NOT NULL,
  sep_number                   VARCHAR(64)  NULL,
  sep_issued_at                DATETIME(6)  NULL COMMENT 'UTC',
  sep_issued_offset_min        SMALLINT     NULL,
  sep_patient_name             VARCHAR(256) NULL,
  sep_bpjs_number              VARCHAR(32)  NULL,
  resume_present               BOOLEAN      NOT NULL,
  resume_patient_name          VARCHAR(256) NULL,
  resume_admission_at          DATETIME(6)  NULL COMMENT 'UTC',
  resume_admission_offset_min  SMALLINT     NULL,
  resume_discharge_at          DATETIME(6)  NULL COMMENT 'UTC',
  resume_discharge_offset_min  SMALLINT     NULL,
  label_is_fraud               BOOLEAN      NULL COMMENT 'TRAINING DATA ONLY: synthetic label; NULL on real claims; scoring never reads it',
  label_patterns               TEXT         NULL COMMENT 'TRAINING DATA ONLY: JSON array of fraud pattern names; NULL when there is no label',
  created_at                   DATETIME(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6) COMMENT 'UTC (the store sets time_zone to +00:00)',
  PRIMARY KEY (claim_id),
  KEY ix_claims_patient_history (patient_nik, admission_at),
  KEY ix_claims_hospital_admission (hospital_code, admission_at),
  CONSTRAINT ck_claims_sep_issued CHECK ((sep_issued_at IS NULL) = (sep_issued_offset_min IS NULL)),
  CONSTRAINT ck_claims_resume_admission CHECK ((resume_admission_at IS NULL) = (resume_admission_offset_min IS NULL)),
  CONSTRAINT ck_claims_resume_discharge CHECK ((resume_discharge_at IS NULL) = (resume_discharge_offset_min IS NULL)),
  CONSTRAINT ck_claims_label CHECK ((label_is_fraud IS NULL) = (label_patterns IS NULL))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE claim_diagnoses (
  claim_id    VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  seq         SMALLINT UNSIGNED NOT NULL,
  icd10       VARCHAR(16) NOT NULL,
  is_primary  BOOLEAN     NOT NULL,
  PRIMARY KEY (claim_id, seq),
  CONSTRAINT fk_claim_diagnoses_claim FOREIGN KEY (claim_id) REFERENCES claims (claim_id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE claim_procedures (
  claim_id              VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  seq                   SMALLINT UNSIGNED NOT NULL,
  icd9cm                VARCHAR(16) NOT NULL,
  performed_at          DATETIME(6) NULL COMMENT 'UTC; NULL when the claim gives no time',
  performed_offset_min  SMALLINT    NULL,
  PRIMARY KEY (claim_id, seq),
  CONSTRAINT ck_claim_procedures_at CHECK ((performed_at IS NULL) = (performed_offset_min IS NULL)),
  CONSTRAINT fk_claim_procedures_claim FOREIGN KEY (claim_id) REFERENCES claims (claim_id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE claim_medications (
  claim_id    VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  seq         SMALLINT UNSIGNED NOT NULL,
  name        VARCHAR(256) NOT NULL,
  form        VARCHAR(64)  NULL,
  quantity    DOUBLE       NOT NULL,
  unit_price  BIGINT       NOT NULL,
  PRIMARY KEY (claim_id, seq),
  CONSTRAINT fk_claim_medications_claim FOREIGN KEY (claim_id) REFERENCES claims (claim_id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE claim_vitamins (
  claim_id    VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  seq         SMALLINT UNSIGNED NOT NULL,
  name        VARCHAR(256) NOT NULL,
  dose        VARCHAR(64)  NULL,
  quantity    DOUBLE       NOT NULL,
  unit_price  BIGINT       NOT NULL,
  PRIMARY KEY (claim_id, seq),
  CONSTRAINT fk_claim_vitamins_claim FOREIGN KEY (claim_id) REFERENCES claims (claim_id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE claim_lab_tests (
  claim_id              VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  seq                   SMALLINT UNSIGNED NOT NULL,
  name                  VARCHAR(256) NOT NULL,
  performed_at          DATETIME(6)  NULL COMMENT 'UTC; NULL when the claim gives no time',
  performed_offset_min  SMALLINT     NULL,
  PRIMARY KEY (claim_id, seq),
  CONSTRAINT ck_claim_lab_tests_at CHECK ((performed_at IS NULL) = (performed_offset_min IS NULL)),
  CONSTRAINT fk_claim_lab_tests_claim FOREIGN KEY (claim_id) REFERENCES claims (claim_id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
