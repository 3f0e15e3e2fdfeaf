-- Read a sharded run as one table. Run with: duckdb -c ".read deploy/query.sql" from the folder holding OUT.
-- hive_partitioning turns the folder names trials/shard=K/ into a column 'shard'.
SELECT variant, vote_id,
       count(*)                                   AS trials,
       avg(adopted::INTEGER)                      AS p_adopted_sampled,
       quantile_disc(yes, 0.05)                   AS yes_p05,
       quantile_disc(yes, 0.95)                   AS yes_p95,
       count(DISTINCT shard)                      AS shards
FROM read_parquet('OUT/merged/trials/*/*.parquet', hive_partitioning = true)
GROUP BY variant, vote_id
ORDER BY variant, vote_id;
