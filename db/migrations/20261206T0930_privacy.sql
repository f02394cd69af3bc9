-- The resident's data rights and the retention policy (cases/privacy*.ts, cases/commands/privacy.ts).
-- Erasure and retention keep a case's aggregates (reference, category, target, handler, statuses,
-- dates, clocks, rating) and remove what identifies or quotes the resident; these columns record
-- when that happened, so no sweep touches a row twice and views can say why a text is empty.
ALTER TABLE residents ADD COLUMN erased_at timestamptz;
ALTER TABLE cases ADD COLUMN anonymised_at timestamptz;

-- The retention sweep reads finished, not yet anonymised cases by their last change.
CREATE INDEX cases_retention_idx ON cases (updated_at, id)
  WHERE anonymised_at IS NULL AND status IN ('resolved', 'closed', 'not_accepted', 'withdrawn');
-- Erasure and export read a resident's private-chat messages.
CREATE INDEX outbox_private_chat_idx ON outbox (channel, chat_id) WHERE chat_kind = 'private';
