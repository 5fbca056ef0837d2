-- A verifier's decisions on a claim (contract §3), as Migrations/MySql/V002__claim_decisions.sql.
-- Reloading a claim updates its row in place, so its decisions survive; deleting the claim removes them.

CREATE TABLE claim_decisions (
  id                  INTEGER PRIMARY KEY AUTOINCREMENT,
  claim_id            TEXT    NOT NULL REFERENCES claims (claim_id) ON DELETE CASCADE,
  action              TEXT    NOT NULL CHECK (action IN ('approve','approve_partial','decline','manual_review','request_document')),
  approved_amount     INTEGER NULL,
  note                TEXT    NULL,
  verifier            TEXT    NULL,
  decided_at          TEXT    NOT NULL,
  decided_offset_min  INTEGER NOT NULL
) STRICT;

CREATE INDEX ix_claim_decisions_claim ON claim_decisions (claim_id, decided_at);
