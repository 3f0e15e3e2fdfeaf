namespace StemSimulator.Engine.Calibration;

/// <summary>
/// The log-likelihood of one ordered-probit vote and its derivatives in the linear predictor eta and the two
/// cut-points (see <see cref="OrderedProbit"/>). The Hessian is symmetric; only its upper triangle is stored.
/// </summary>
/// <param name="LogP">log P(vote), &lt;= 0.</param>
/// <param name="DEta">d log P / d eta.</param>
/// <param name="DTau1">d log P / d tau_1.</param>
/// <param name="DTau2">d log P / d tau_2.</param>
/// <param name="HEtaEta">d2 log P / d eta2 (&lt;= 0).</param>
/// <param name="HEtaTau1">d2 log P / d eta d tau_1.</param>
/// <param name="HEtaTau2">d2 log P / d eta d tau_2.</param>
/// <param name="HTau1Tau1">d2 log P / d tau_1^2.</param>
/// <param name="HTau1Tau2">d2 log P / d tau_1 d tau_2.</param>
/// <param name="HTau2Tau2">d2 log P / d tau_2^2.</param>
public readonly record struct VoteTerms(
    double LogP,
    double DEta,
    double DTau1,
    double DTau2,
    double HEtaEta,
    double HEtaTau1,
    double HEtaTau2,
    double HTau1Tau1,
    double HTau1Tau2,
    double HTau2Tau2);
