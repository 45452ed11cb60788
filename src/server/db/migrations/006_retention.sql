-- Retention (issue 12): closed applications lose their personal data after the site's retention period, keeping
-- what the annual statistics need; heartbeats and kiosk events are deleted after a set age (src/server/retention.ts).
ALTER TABLE applications ADD COLUMN personal_deleted_at timestamptz;
CREATE INDEX applications_retention_idx ON applications (status_updated_at)
  WHERE personal_deleted_at IS NULL;
CREATE INDEX heartbeats_received_idx ON heartbeats (received_at);
CREATE INDEX kiosk_events_received_idx ON kiosk_events (received_at);
