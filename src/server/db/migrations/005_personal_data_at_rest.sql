-- Personal data encrypted at rest (issue 12): an application's content (applicant, contact, request text) is kept
-- only as AES-256-GCM ciphertext in `personal`, under a data key held outside the database (src/server/data-key.ts).
-- The plain `application` column stays only for rows written before this migration: the server encrypts them at
-- start and clears it. What the annual statistics need stays in clear columns (agency_id, applicant_type, dates,
-- status).
ALTER TABLE applications ALTER COLUMN application DROP NOT NULL;
ALTER TABLE applications ADD COLUMN personal text;

-- The write probe of /api/v1/health: one row, written on each probe, so "ok" means a write committed.
CREATE TABLE health_probe (
  id integer PRIMARY KEY CHECK (id = 1),
  probed_at timestamptz NOT NULL
);
