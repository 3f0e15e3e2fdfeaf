# Reading a run's outputs with R and arrow (install.packages(c("arrow", "dplyr"))).
# Run from the repository root after `stemsim run scenarios/ga-hrc-suspension-2026.yaml --member-votes`.
# Every file carries its Arrow schema (key ARROW:schema, docs/outputs.md): string columns come as factors.
library(arrow)
library(dplyr)

run <- "runs/ga-hrc-suspension-2026"

# Headline numbers per variant and vote.
summary <- read_parquet(file.path(run, "summary.parquet"))
print(select(summary, variant, vote_id, p_adopted, p_adopted_se, yes_p05, yes_p95))

# What-ifs against the baseline, with the paired standard error (common random numbers).
print(summary |> filter(!is.na(diff_vs_baseline)) |> select(variant, vote_id, diff_vs_baseline, diff_se_paired))

# The ten members whose vote most often decides the baseline vote.
members <- read_parquet(file.path(run, "member_probabilities.parquet"))
print(members |> filter(variant == "baseline") |> arrange(desc(swing)) |> select(member, name, p_yes, swing) |> head(10))

# How each regional group leans (regional_group and blocs are columns: no join with members.csv).
print(members |> filter(variant == "baseline") |> group_by(regional_group) |> summarise(p_yes = mean(p_yes), p_no = mean(p_no)))

# The yes-count distribution from the trials, computed by arrow without loading the whole table.
trials <- open_dataset(file.path(run, "trials"))  # every part: trials/shard=K/part-0.parquet, any run
print(trials |> filter(variant == "baseline", held) |> group_by(yes) |>
        summarise(trials = n(), share_adopted = mean(as.integer(adopted))) |> arrange(yes) |> collect())

# A joint question from the members' votes (member_votes/, written with --member-votes): the share of trials in which
# Nigeria and South Africa both abstain, per variant and vote.
votes <- open_dataset(file.path(run, "member_votes"))
print(votes |> filter(member %in% c("NGA", "ZAF")) |> group_by(variant, vote_id, trial) |>
        summarise(both = sum(vote == "abstain") == 2) |> group_by(variant, vote_id) |>
        summarise(share_both_abstain = mean(both)) |> collect())

# Provenance from the key-value metadata.
metadata <- open_dataset(file.path(run, "summary.parquet"))$metadata
print(metadata[startsWith(names(metadata), "stemsim.")])

# An election run's per-trial table is laid out like the trials: open_dataset("runs/hrc-weog-2026/elections").
