-- Enrolled kiosks (issue 12): each kiosk's own public key (JWK, ECDSA P-256), recorded once through a one-time
-- enrolment code; every kiosk request is signed with the private half. Revoked kiosks stay listed (revoked_at).
CREATE TABLE enrolled_kiosks (
  -- RFC 7638 thumbprint of public_key: the keyid of the kiosk's request signatures.
  key_id text PRIMARY KEY,
  kiosk_id text NOT NULL,
  site text NOT NULL,
  name text NOT NULL,
  public_key jsonb NOT NULL,
  -- 'code' (a staff enrolment code) or 'auto' (the localhost demo's --auto-enrol).
  enrolled_by text NOT NULL,
  enrolled_at timestamptz NOT NULL,
  revoked_at timestamptz
);
-- One live key per kiosk id; a revoked kiosk may enrol again with a new key.
CREATE UNIQUE INDEX enrolled_kiosks_live_id ON enrolled_kiosks (kiosk_id) WHERE revoked_at IS NULL;

-- One-time enrolment codes, stored as SHA-256 of the code only.
CREATE TABLE enrolment_codes (
  code_hash text PRIMARY KEY,
  site text NOT NULL,
  name text NOT NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  used_by_key text
);
