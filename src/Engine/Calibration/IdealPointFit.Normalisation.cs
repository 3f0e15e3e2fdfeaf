namespace StemSimulator.Engine.Calibration;

/// <summary>
/// The identification step of one fit: positions re-centred and re-scaled (x' = (x - m) / s, beta' = beta * s,
/// tau' = tau - beta * m, which leaves every probability unchanged) and flipped by the polarity member.
/// </summary>
internal sealed partial class IdealPointFit
{
    /// <summary>Re-centres and re-scales positions to mean 0, sd 1 over member-years with votes; fixes polarity.</summary>
    private void Normalise()
    {
        if (_anchors is { ScaleYears: 0 })
        {
            // The anchors alone fix location, scale and polarity.
            return;
        }

        if (ScaleMoments() is not { } moments)
        {
            return;
        }

        var (mean, sd) = moments;

        if (_anchors is { } anchors)
        {
            // x' = (x - m) / s * S + M = (x - mean') / sd' with mean' = m - M s / S and sd' = s / S.
            sd /= anchors.ScaleSd;
            mean -= anchors.ScaleMean * sd;
        }

        Rescale(mean, sd, PolaritySign(mean));
    }

    /// <summary>Mean and standard deviation of theta over the member-years with votes that set the scale; null below two.</summary>
    private (double Mean, double Sd)? ScaleMoments()
    {
        double sum = 0, sumSquares = 0;
        long n = 0;
        for (int at = 0; at < _votesPerYear.Length; at++)
        {
            if (_votesPerYear[at] > 0 && InScaleYears(at))
            {
                double x = _states[at * _d];
                sum += x;
                sumSquares += x * x;
                n++;
            }
        }

        if (n < 2)
        {
            return null;
        }

        double mean = sum / n;
        return (mean, Math.Sqrt(Math.Max(1e-12, (sumSquares / n) - (mean * mean))));
    }

    /// <summary>-1 when the polarity member's latest position lies below <paramref name="mean"/> (full fits only), else 1.</summary>
    private double PolaritySign(double mean)
    {
        int anchor = _options.PolarityMember;
        if (_anchors is null && anchor >= 0 && _count[anchor] > 0)
        {
            int lastYear = _chain[anchor] + _count[anchor] - 1;
            if (_states[lastYear * _d] - mean < 0)
            {
                return -1.0;
            }
        }

        return 1.0;
    }

    /// <summary>Applies x' = sign (x - mean) / sd to every state and the matching change to every roll call.</summary>
    private void Rescale(double mean, double sd, double sign)
    {
        double factor = sign / sd;
        for (int at = 0; at < _votesPerYear.Length; at++)
        {
            int s = at * _d;
            _states[s] = (_states[s] - mean) * factor;
            for (int k = 1; k < _d; k++)
            {
                _states[s + k] *= factor;
            }
        }

        for (int r = 0; r < _parameters.Length; r++)
        {
            var p = _parameters[r];
            _parameters[r] = new RollCallParameters(p.Beta * sd * sign, p.Tau1 - (p.Beta * mean), p.Tau2 - (p.Beta * mean));
        }
    }

    /// <summary>Whether member-year slot <paramref name="at"/> sets the scale: always in a full fit, in the first ScaleYears years in an anchored one.</summary>
    private bool InScaleYears(int at) => _anchors is null || _slotYear[at] < _anchors.ScaleYears;
}
