-- The console's review queue sorts by "urgent first, then the earliest statutory date". That date is the
-- earliest due time of a case's running obligation clocks; computing it per case at query time makes a
-- 20k-case queue sort every case. It is kept on the case instead (cases.next_due_at), refreshed by a
-- statement-level trigger whenever clocks change, so a page is read in index order.
-- The clock kinds are cases/caseService.ts OBLIGATION_CLOCKS; keep the two lists the same.

ALTER TABLE cases ADD COLUMN next_due_at timestamptz;

CREATE FUNCTION cases_next_due(case_id bigint) RETURNS timestamptz LANGUAGE sql STABLE AS $$
  SELECT min(k.due_at) FROM clocks k
  WHERE k.case_id = $1 AND k.stopped_at IS NULL
    AND k.kind IN ('forward_notify', 'resolve', 'review_answer', 'recheck_answer', 'org_accept', 'org_first_contact')
$$;

CREATE FUNCTION cases_refresh_next_due() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Only rows whose value changes are written, so sweeps that mark reminders cost one read per case.
  UPDATE cases c SET next_due_at = cases_next_due(c.id)
  WHERE c.id IN (SELECT case_id FROM changed_clocks) AND c.next_due_at IS DISTINCT FROM cases_next_due(c.id);
  RETURN NULL;
END $$;

CREATE TRIGGER clocks_next_due_insert AFTER INSERT ON clocks
  REFERENCING NEW TABLE AS changed_clocks FOR EACH STATEMENT EXECUTE FUNCTION cases_refresh_next_due();
CREATE TRIGGER clocks_next_due_update AFTER UPDATE ON clocks
  REFERENCING NEW TABLE AS changed_clocks FOR EACH STATEMENT EXECUTE FUNCTION cases_refresh_next_due();
CREATE TRIGGER clocks_next_due_delete AFTER DELETE ON clocks
  REFERENCING OLD TABLE AS changed_clocks FOR EACH STATEMENT EXECUTE FUNCTION cases_refresh_next_due();

UPDATE cases SET next_due_at = cases_next_due(id) WHERE EXISTS (SELECT 1 FROM clocks k WHERE k.case_id = cases.id AND k.stopped_at IS NULL);

-- The two orders of the review queue, over the review statuses only.
CREATE INDEX cases_review_urgent_due_idx ON cases (urgent DESC, next_due_at, received_at, id)
  WHERE status IN ('office_review', 'reopened', 'review_requested');
CREATE INDEX cases_review_oldest_idx ON cases (received_at, id)
  WHERE status IN ('office_review', 'reopened', 'review_requested');
