-- Failed logins, one row each, kept in the database so that every backend of a team installation
-- counts the same ones. A login is refused for a while after too many failures for one email
-- (kind 'email') or from one client address (kind 'address'); a successful login clears its email's.
CREATE TABLE login_failures (
    id        UUID PRIMARY KEY,
    kind      VARCHAR(10)  NOT NULL CHECK (kind IN ('email', 'address')),
    subject   VARCHAR(320) NOT NULL,
    failed_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX login_failures_subject_idx ON login_failures (kind, subject, failed_at);
CREATE INDEX login_failures_failed_at_idx ON login_failures (failed_at);

-- Who made an audit entry, as they were named then: the entry keeps it after their account is deleted
-- (user_id becomes NULL). What changed, as a JSON object, goes in the existing details column.
ALTER TABLE audit_log ADD COLUMN user_name VARCHAR(200);
UPDATE audit_log SET user_name = (SELECT name FROM users WHERE users.id = audit_log.user_id);
