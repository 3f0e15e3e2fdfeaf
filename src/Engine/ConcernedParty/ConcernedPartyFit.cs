namespace StemSimulator.Engine.ConcernedParty;

/// <summary>The concerned-party effect fitted on training roll calls, with its standard errors.</summary>
/// <param name="Effect">The estimates (gamma with their standard errors).</param>
/// <param name="PNoStandardError">Standard error of P(no), sqrt(p (1 - p) / (n + 4)) with n the training votes.</param>
/// <param name="PAbstainStandardError">Standard error of P(abstain).</param>
/// <param name="PYesStandardError">Standard error of P(yes).</param>
/// <param name="GammaCovariance">Covariance of gamma0 and gamma1.</param>
/// <param name="ConcernedVotes">The concerned states' votes in the training roll calls.</param>
/// <param name="PartnerVotes">Other members' votes with a closeness measure (the gamma fit's sample).</param>
/// <param name="TrainingLogLoss">Mean negative log-likelihood per partner vote at the estimate (the choice between closeness measures).</param>
/// <param name="RollCalls">Training roll calls.</param>
public sealed record ConcernedPartyFit(
    ConcernedPartyEffect Effect,
    double PNoStandardError,
    double PAbstainStandardError,
    double PYesStandardError,
    double GammaCovariance,
    int ConcernedVotes,
    int PartnerVotes,
    double TrainingLogLoss,
    int RollCalls);
