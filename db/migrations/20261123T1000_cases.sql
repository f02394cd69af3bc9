-- Case lifecycle (cases/): integrity for statuses and referral reasons, and why a clock stopped, so
-- statistics count only deadlines that were met (not ones cancelled by a withdrawal or superseded).

ALTER TABLE cases ADD CONSTRAINT cases_status_check CHECK (status IN (
  'received', 'office_review', 'referred', 'accepted', 'in_progress', 'resolved', 'closed',
  'not_accepted', 'withdrawn', 'reopened', 'review_requested'));
ALTER TABLE cases ADD CONSTRAINT cases_version_positive CHECK (version >= 1);

ALTER TABLE clocks ADD COLUMN stop_reason text CHECK (stop_reason IN ('met', 'cancelled', 'superseded', 'fired'));
ALTER TABLE clocks ADD CONSTRAINT clocks_kind_check CHECK (kind IN (
  'forward_notify', 'resolve', 'review_request_window', 'review_answer', 'recheck_request_window',
  'recheck_answer', 'org_accept', 'org_first_contact', 'survey_reminder', 'survey_close'));

-- The office queue and the overdue list read these.
CREATE INDEX cases_review_queue_idx ON cases (urgent DESC, received_at) WHERE status IN ('office_review', 'reopened', 'review_requested');
CREATE INDEX clocks_running_due_idx ON clocks (due_at) WHERE stopped_at IS NULL;
CREATE INDEX satisfaction_case_idx ON satisfaction (case_id, round DESC);
