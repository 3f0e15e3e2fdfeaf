-- Reading a run's outputs with DuckDB. Run from the repository root after
--   stemsim run scenarios/ga-hrc-suspension-2026.yaml --member-votes
-- e.g. duckdb < docs/examples/duckdb.sql. The tests run every statement against a fresh run (the folder name is the
-- only thing they change), so these stay correct.

-- Headline numbers per variant and vote.
SELECT variant, vote_id, round(p_adopted, 3) AS p_adopted, round(p_adopted_se, 4) AS se,
       yes_p05 || '-' || yes_p95 AS yes_90, no_p05 || '-' || no_p95 AS no_90
FROM 'runs/ga-hrc-suspension-2026/summary.parquet'
ORDER BY vote_id, variant;

-- What-ifs against the baseline, with the paired and unpaired standard errors.
SELECT variant, vote_id, round(diff_vs_baseline, 4) AS diff, round(diff_se_paired, 5) AS se_paired,
       round(diff_se_unpaired, 5) AS se_unpaired
FROM 'runs/ga-hrc-suspension-2026/summary.parquet'
WHERE diff_vs_baseline IS NOT NULL;

-- The ten members whose vote most often decides the baseline vote.
SELECT member, name, round(p_yes, 2) AS p_yes, round(swing, 4) AS swing
FROM 'runs/ga-hrc-suspension-2026/member_probabilities.parquet'
WHERE variant = 'baseline'
ORDER BY swing DESC
LIMIT 10;

-- How each regional group leans in the baseline vote (no join with members.csv needed).
SELECT regional_group, count(*) AS members, round(avg(p_yes), 3) AS mean_p_yes, round(avg(p_no), 3) AS mean_p_no
FROM 'runs/ga-hrc-suspension-2026/member_probabilities.parquet'
WHERE variant = 'baseline'
GROUP BY regional_group
ORDER BY regional_group;

-- The EU's expected yes votes: members of a bloc on the vote's date.
SELECT vote_id, count(*) AS eu_members, round(sum(p_yes), 1) AS expected_yes
FROM 'runs/ga-hrc-suspension-2026/member_probabilities.parquet'
WHERE variant = 'baseline' AND list_contains(string_split(blocs, ' '), 'EU')
GROUP BY vote_id;

-- The yes-count distribution, recomputed from the trials (a folder of parts in every run, read with one glob).
SELECT yes, count(*) AS trials, round(avg(adopted::INTEGER), 3) AS share_adopted
FROM read_parquet('runs/ga-hrc-suspension-2026/trials/**/*.parquet')
WHERE variant = 'baseline' AND held
GROUP BY yes
ORDER BY yes;

-- P(adopted) from the trials equals the summary's sampled share.
SELECT t.variant, t.vote_id, avg(t.adopted::INTEGER) AS from_trials, any_value(s.p_adopted_sampled) AS from_summary
FROM read_parquet('runs/ga-hrc-suspension-2026/trials/**/*.parquet') t
JOIN 'runs/ga-hrc-suspension-2026/summary.parquet' s USING (variant, vote_id)
GROUP BY t.variant, t.vote_id;

-- A joint question, from the members' votes (member_votes/, written with --member-votes): in how many trials do
-- Nigeria and South Africa both abstain, and how often does the resolution pass when they do?
SELECT m.variant, m.vote_id, count(*) AS trials_held,
       count(*) FILTER (WHERE both_abstain) AS both_abstain,
       round(avg(both_abstain::INTEGER), 4) AS share_both_abstain,
       round(avg(t.adopted::INTEGER) FILTER (WHERE both_abstain), 3) AS p_adopted_when_both_abstain
FROM (SELECT variant, vote_id, trial, count(*) FILTER (WHERE vote = 'abstain') = 2 AS both_abstain
      FROM read_parquet('runs/ga-hrc-suspension-2026/member_votes/**/*.parquet')
      WHERE member IN ('NGA', 'ZAF')
      GROUP BY variant, vote_id, trial) m
JOIN read_parquet('runs/ga-hrc-suspension-2026/trials/**/*.parquet') t USING (variant, vote_id, trial)
GROUP BY m.variant, m.vote_id
ORDER BY m.vote_id, m.variant;

-- Provenance: scenario hash, seed, trials, engine version, git commit, data vintage.
SELECT key::VARCHAR AS key, value::VARCHAR AS value
FROM parquet_kv_metadata('runs/ga-hrc-suspension-2026/summary.parquet')
WHERE key::VARCHAR LIKE 'stemsim.%';
