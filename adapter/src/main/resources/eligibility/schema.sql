-- Eligibility's own bookkeeping beside HAPI's tables. Runs at every start-up (idempotent); the same SQL on PostgreSQL
-- and H2.

-- One row per determination ever created (its identifier value: <program>/<patient id>). Determinations are written
-- without conditional URLs (HAPI matches each against every resource of a transaction, which made chunks of clients
-- quadratic), so this key is what keeps two evaluations racing to create a client's first determination from making
-- two: the second insert fails on the primary key and its evaluation runs again on the stored one.
CREATE TABLE IF NOT EXISTS cm_determination_key (
  identifier varchar(512) PRIMARY KEY
);
