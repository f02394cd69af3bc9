-- Review-queue orders under the category and target filters: without them a filter on a category whose
-- cases sort last (信访外 cases have no statutory clock) walks most of the queue to fill one page.
CREATE INDEX cases_review_category_urgent_idx ON cases (category, urgent DESC, next_due_at, received_at, id)
  WHERE status IN ('office_review', 'reopened', 'review_requested');
CREATE INDEX cases_review_target_urgent_idx ON cases (target, urgent DESC, next_due_at, received_at, id)
  WHERE status IN ('office_review', 'reopened', 'review_requested');
CREATE INDEX cases_review_target_oldest_idx ON cases (target, received_at, id)
  WHERE status IN ('office_review', 'reopened', 'review_requested');
