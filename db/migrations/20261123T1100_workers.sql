-- Outbox delivery lease: a dispatcher claims a row before sending and only the holder of the
-- claim may mark it sent. Two jobs for the same row (a Redis flush re-enqueued it while the first
-- was still sending) can then never both send. A claim that outlives its holder (process killed)
-- expires at claimed_until and the next sweep re-enqueues the row.
ALTER TABLE outbox ADD COLUMN claimed_until timestamptz;
ALTER TABLE outbox ADD COLUMN claim_token text;
