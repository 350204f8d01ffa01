-- The analysis confidence below which the bot hands a conversation to a person instead of acting.
ALTER TABLE organisations ADD COLUMN min_confidence NUMERIC(3, 2) NOT NULL DEFAULT 0.50;
