-- The sweeper updates clocks in batches to mark reminders and escalations; those updates do not move a case's
-- statutory date. Refresh cases.next_due_at only for clocks whose due time, stop or kind changed, so the
-- sweep pays one join of its own rows instead of a lookup per case.
CREATE FUNCTION cases_refresh_next_due_on_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE cases c SET next_due_at = cases_next_due(c.id)
  WHERE c.id IN (
      SELECT n.case_id FROM changed_clocks n JOIN old_clocks o ON o.id = n.id
      WHERE n.stopped_at IS DISTINCT FROM o.stopped_at OR n.due_at IS DISTINCT FROM o.due_at OR n.kind IS DISTINCT FROM o.kind)
    AND c.next_due_at IS DISTINCT FROM cases_next_due(c.id);
  RETURN NULL;
END $$;

DROP TRIGGER clocks_next_due_update ON clocks;
CREATE TRIGGER clocks_next_due_update AFTER UPDATE ON clocks
  REFERENCING OLD TABLE AS old_clocks NEW TABLE AS changed_clocks FOR EACH STATEMENT EXECUTE FUNCTION cases_refresh_next_due_on_update();
