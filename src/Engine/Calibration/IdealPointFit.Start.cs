namespace StemSimulator.Engine.Calibration;

/// <summary>The starting values of one fit: positions from agreement with one member, a warm start, roll calls.</summary>
internal sealed partial class IdealPointFit
{
    /// <summary>
    /// Starting positions: each member-year's agreement with the polarity member (1 same vote, 0.5 one step apart,
    /// 0 opposite) averaged over the roll calls both voted on; the member's mean agreement where they never met.
    /// Without a polarity member, agreement with the member who voted most.
    /// </summary>
    private void InitialisePositions()
    {
        int anchor = _options.PolarityMember;
        if (anchor < 0)
        {
            anchor = Enumerable.Range(0, _input.MemberCount).MaxBy(m => _memberStart[m + 1] - _memberStart[m]);
        }

        var anchorVote = new int[_parameters.Length];
        Array.Fill(anchorVote, -1);
        for (int v = _memberStart[anchor]; v < _memberStart[anchor + 1]; v++)
        {
            anchorVote[_voteRollCall[v]] = (int)_voteChoice[v];
        }

        var years = _input.Years;
        for (int m = 0; m < _input.MemberCount; m++)
        {
            if (_count[m] == 0)
            {
                continue;
            }

            var sum = new double[_count[m]];
            var n = new int[_count[m]];
            for (int v = _memberStart[m]; v < _memberStart[m + 1]; v++)
            {
                int a = anchorVote[_voteRollCall[v]];
                if (a >= 0)
                {
                    int t = years[_voteRollCall[v]] - _first[m];
                    sum[t] += 1.0 - (Math.Abs(a - (int)_voteChoice[v]) / 2.0);
                    n[t]++;
                }
            }

            double overall = n.Sum() > 0 ? sum.Sum() / n.Sum() : 0.5;
            for (int t = 0; t < _count[m]; t++)
            {
                _states[(_chain[m] + t) * _d] = n[t] > 0 ? ((sum[t] + overall) / (n[t] + 1)) : overall;
            }
        }
    }

    /// <summary>
    /// Replaces the starting states by the given ones where known; a year without one continues the previous year
    /// (the random walk's forecast).
    /// </summary>
    private void WarmStart(CalibrationStart start)
    {
        for (int m = 0; m < _input.MemberCount; m++)
        {
            bool any = false;
            for (int t = 0; t < _count[m]; t++)
            {
                var span = _states.AsSpan((_chain[m] + t) * _d, _d);
                var known = start.State(m, _first[m] + t);
                if (known is not null && known.Length == _d)
                {
                    known.CopyTo(span);
                    any = true;
                }
                else if (t == 0 && Anchor(m) is { } anchor)
                {
                    // The random walk's forecast from the fixed year before.
                    for (int i = 0; i < _d; i++)
                    {
                        span[i] = anchor.State[i];
                    }

                    any = true;
                }
                else if (any)
                {
                    _states.AsSpan((_chain[m] + t - 1) * _d, _d).CopyTo(span);
                }
            }
        }
    }

    /// <summary>Each roll call's starting parameters: the warm start's, or a start from its own votes.</summary>
    private void StartRollCalls(CalibrationStart? warm)
    {
        for (int r = 0; r < _parameters.Length; r++)
        {
            int start = _rollCallStart[r], end = _rollCallStart[r + 1];
            var votes = new OrdinalVote[end - start];
            for (int k = start; k < end; k++)
            {
                votes[k - start] = _voteChoice[_rollCallVotes[k]];
            }

            _parameters[r] = warm?.RollCall(r) ?? RollCallFitter.Start(votes, _options.MinimumCutpointGap);
        }
    }
}
