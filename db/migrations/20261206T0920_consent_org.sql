-- Consent is to one organization, for one purpose, with the words shown (issue 12, point 2).
-- A consent row names the organization the resident agreed to and the version of the text they read;
-- a consent question for another organization (after one declined) is a consent_requests row until the
-- resident answers it. Outbox rows can be cancelled (consent withdrawn before they went out).

ALTER TABLE consents ADD COLUMN organization_id text;
ALTER TABLE consents ADD COLUMN text_version text NOT NULL DEFAULT 'unrecorded';
-- Consents given before this migration were to the organization the case was first referred to (or proposed).
UPDATE consents k SET organization_id = COALESCE(
  (SELECT r.handler_id FROM referrals r WHERE r.case_id = k.case_id AND r.handler_kind = 'organization' ORDER BY r.id LIMIT 1),
  (SELECT c.handler_id FROM cases c WHERE c.id = k.case_id AND c.handler_kind = 'organization'));
CREATE INDEX consents_case_org_idx ON consents (case_id, organization_id) WHERE withdrawn_at IS NULL;

CREATE TABLE consent_requests (
  id bigserial PRIMARY KEY,
  case_id bigint NOT NULL REFERENCES cases(id),
  organization_id text NOT NULL,
  purpose text NOT NULL,
  shared_fields text[] NOT NULL,
  text_version text NOT NULL,
  asked_at timestamptz NOT NULL,
  answer text CHECK (answer IN ('given', 'declined', 'superseded')),
  answered_at timestamptz
);
CREATE INDEX consent_requests_case_idx ON consent_requests (case_id, id);

ALTER TABLE outbox DROP CONSTRAINT IF EXISTS outbox_status_check;
ALTER TABLE outbox ADD CONSTRAINT outbox_status_check CHECK (status IN ('pending', 'sent', 'failed', 'cancelled'));
