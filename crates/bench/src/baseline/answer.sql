-- The answer of both searches, from their `within` (every match) and `top`
-- (the page): hits in order, the total and each facet's counts.
SELECT 'hit' AS facet, kind || ':' || id AS value, position AS count FROM top
UNION ALL SELECT 'total', '', count(*) FROM within
UNION ALL SELECT 'kind', kind, count(*) FROM within GROUP BY kind
UNION ALL SELECT 'region', region, count(*) FROM within WHERE region IS NOT NULL GROUP BY region
UNION ALL SELECT 'legal_form', legal_form, count(*) FROM within WHERE legal_form IS NOT NULL GROUP BY legal_form
UNION ALL SELECT 'skill', skill, count(*) FROM (SELECT unnest(skill_slugs) AS skill FROM within) s GROUP BY skill
