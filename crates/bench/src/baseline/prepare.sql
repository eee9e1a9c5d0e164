-- Prepared once per connection; both searches end with answer.sql.
PREPARE baseline_correct(text) AS
    SELECT word FROM baseline_words WHERE word % $1 ORDER BY word <-> $1, word LIMIT 3;
-- $1 tsquery, $2 kind, $3 region, $4 latitude, $5 longitude, $6 radius in km,
-- $7 by distance, $8 hits wanted
PREPARE baseline_text(text, text, text, float8, float8, float8, boolean, bigint) AS
WITH matches AS MATERIALIZED (
    SELECT d.kind, d.id, d.title, d.region, d.legal_form, d.skill_slugs,
           ts_rank(d.document, to_tsquery('english', $1)) AS rank,
           CASE WHEN $4 IS NULL OR d.latitude IS NULL THEN NULL ELSE
               12742 * asin(sqrt(power(sin(radians(d.latitude - $4) / 2), 2)
                   + cos(radians($4)) * cos(radians(d.latitude))
                   * power(sin(radians(d.longitude - $5) / 2), 2))) END AS km
    FROM baseline_documents d
    WHERE d.document @@ to_tsquery('english', $1) AND d.public
      AND ($2 IS NULL OR d.kind = $2)
      AND ($3 IS NULL OR lower(d.region) = lower($3))
), within AS MATERIALIZED (
    SELECT * FROM matches WHERE $4 IS NULL OR km <= $6
), top AS (
    SELECT *, row_number() OVER (ORDER BY CASE WHEN $7 THEN km END NULLS LAST, rank DESC, id) AS position
    FROM within ORDER BY position LIMIT $8
)
{answer};
-- No words: everything within the radius, nearest first.
PREPARE baseline_near(text, text, float8, float8, float8, bigint) AS
WITH within AS MATERIALIZED (
    SELECT * FROM (
        SELECT d.kind, d.id, d.region, d.legal_form, d.skill_slugs,
               12742 * asin(sqrt(power(sin(radians(d.latitude - $3) / 2), 2)
                   + cos(radians($3)) * cos(radians(d.latitude))
                   * power(sin(radians(d.longitude - $4) / 2), 2))) AS km
        FROM baseline_documents d
        WHERE d.public
          AND d.latitude BETWEEN $3 - $5 / 111.0 AND $3 + $5 / 111.0
          AND d.longitude BETWEEN $4 - $5 / (111.0 * cos(radians($3))) AND $4 + $5 / (111.0 * cos(radians($3)))
          AND ($1 IS NULL OR d.kind = $1)
          AND ($2 IS NULL OR lower(d.region) = lower($2))
    ) box WHERE km <= $5
), top AS (
    SELECT *, row_number() OVER (ORDER BY km, id) AS position FROM within ORDER BY position LIMIT $6
)
{answer};
