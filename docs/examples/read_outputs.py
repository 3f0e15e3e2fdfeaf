"""Reading a run's outputs with pandas and pyarrow (pip install pandas pyarrow).

Run from the repository root after `stemsim run scenarios/ga-hrc-suspension-2026.yaml --member-votes`.

Every file carries its Arrow schema (key ARROW:schema, docs/outputs.md), so the string columns (variant, vote_id,
member, regional_group, ...) come as pandas categoricals: group them with observed=True, or a grouping by several
yields every combination of their values, observed or not; .astype(str) gives plain strings.
"""
import pandas as pd
import pyarrow.parquet as pq

run = "runs/ga-hrc-suspension-2026"

# Headline numbers per variant and vote.
summary = pd.read_parquet(f"{run}/summary.parquet")
print(summary[["variant", "vote_id", "p_adopted", "p_adopted_se", "yes_p05", "yes_p95"]])

# What-ifs against the baseline, with the paired standard error (common random numbers).
print(summary.dropna(subset=["diff_vs_baseline"])[["variant", "vote_id", "diff_vs_baseline", "diff_se_paired"]])

# The ten members whose vote most often decides the baseline vote.
members = pd.read_parquet(f"{run}/member_probabilities.parquet")
print(members[members.variant == "baseline"].nlargest(10, "swing")[["member", "name", "p_yes", "swing"]])

# How each regional group leans (regional_group and blocs are columns: no join with members.csv).
print(members[members.variant == "baseline"].groupby("regional_group", observed=True)[["p_yes", "p_no"]].mean())
print(members[(members.variant == "baseline") & members.blocs.str.split().apply(lambda b: "EU" in b)].p_yes.sum())

# The yes-count distribution from the trials (read only the columns needed: the table can be large).
trials = pd.read_parquet(f"{run}/trials", columns=["variant", "held", "yes", "adopted"])  # every part of the folder
baseline = trials[(trials.variant == "baseline") & trials.held]
print(baseline.groupby("yes").adopted.agg(["size", "mean"]))

# A joint question from the members' votes (member_votes/, written with --member-votes): the share of trials in which
# Nigeria and South Africa both abstain, per variant and vote.
votes = pd.read_parquet(f"{run}/member_votes", filters=[("member", "in", ["NGA", "ZAF"])])
both = votes.assign(abstain=votes.vote == "abstain").groupby(["variant", "vote_id", "trial"], observed=True).abstain.sum() == 2
print(both.groupby(["variant", "vote_id"], observed=True).mean())

# Provenance from the key-value metadata.
metadata = pq.read_schema(f"{run}/summary.parquet").metadata
print({k.decode(): v.decode() for k, v in metadata.items() if k.startswith(b"stemsim.")})
print(pq.read_schema(f"{run}/summary.parquet").field("variant").type)  # dictionary<values=string, indices=int32, ordered=0>

# A single, sharded or merged run's trials read the same way: trials/shard=K/part-0.parquet, shard as a column.
# trials = pd.read_parquet("runs/x/merged/trials")
# An election run's per-trial table is laid out alike: elections = pd.read_parquet("runs/hrc-weog-2026/elections")
