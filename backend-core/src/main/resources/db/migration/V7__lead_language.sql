-- The language the lead writes in, as the analyze step last named it ("en", "hi-Latn"...): follow-ups
-- and the next turns write in it, and the guardrails hold replies to it.
ALTER TABLE conversations ADD COLUMN lead_language VARCHAR(20);
