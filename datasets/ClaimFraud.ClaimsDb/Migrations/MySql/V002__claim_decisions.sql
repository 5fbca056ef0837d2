-- A verifier's decisions on a claim (contract §3, POST /claims/{claim_id}/decision), newest last.
-- Reloading a claim updates its row in place, so its decisions survive; deleting the claim removes them.

CREATE TABLE claim_decisions (
  id                  BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  claim_id            VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  action              ENUM('approve','approve_partial','decline','manual_review','request_document') NOT NULL,
  approved_amount     BIGINT        NULL COMMENT 'whole rupiah; only with approve_partial',
  note                VARCHAR(4000) NULL,
  verifier            VARCHAR(256)  NULL,
  decided_at          DATETIME(6)   NOT NULL COMMENT 'UTC',
  decided_offset_min  SMALLINT      NOT NULL,
  PRIMARY KEY (id),
  KEY ix_claim_decisions_claim (claim_id, decided_at),
  CONSTRAINT fk_claim_decisions_claim FOREIGN KEY (claim_id) REFERENCES claims (claim_id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
