using StemSimulator.Engine.Elections;
using StemSimulator.Engine.Members;
using StemSimulator.Engine.Model;
using StemSimulator.Engine.Rules;
using StemSimulator.Scenarios.Document;
using StemSimulator.Scenarios.Yaml;

namespace StemSimulator.Scenarios.Compilation;

/// <summary>
/// The scenario language's closed sets mapped onto the engine's: one switch per set, each throwing on a value it
/// does not know, so a value added to the language without a meaning in the engine fails at once instead of
/// falling back to another value.
/// </summary>
internal static class ClosedSets
{
    public static Body Body(BodyName body) => body switch
    {
        BodyName.GA => Engine.Model.Body.GeneralAssembly,
        BodyName.SC => Engine.Model.Body.SecurityCouncil,
        _ => throw Unknown(body),
    };

    /// <summary>The engine's majority rule of the same name (<see cref="MajorityRules.Parse"/> throws on a name it does not know).</summary>
    public static MajorityRule Majority(MajorityName majority) => MajorityRules.Parse(SnakeCase.From(majority.ToString()));

    /// <summary>The engine's Council decision of the same name (<see cref="CouncilDecisions.Parse"/> throws on a name it does not know).</summary>
    public static CouncilDecision Decision(DecisionName decision) => CouncilDecisions.Parse(SnakeCase.From(decision.ToString()));

    public static OutcomeEstimator Estimator(EstimatorName estimator) => estimator switch
    {
        EstimatorName.Sampled => OutcomeEstimator.Sampled,
        EstimatorName.Exact => OutcomeEstimator.ExactConditional,
        EstimatorName.Auto => OutcomeEstimator.Automatic,
        _ => throw Unknown(estimator),
    };

    public static ConditionOutcome Condition(ConditionName condition) => condition switch
    {
        ConditionName.Vetoed => ConditionOutcome.Vetoed,
        ConditionName.Adopted => ConditionOutcome.Adopted,
        ConditionName.Failed => ConditionOutcome.Failed,
        ConditionName.Held => ConditionOutcome.Held,
        _ => throw Unknown(condition),
    };

    public static VoteChoice Choice(VoteChoiceName choice) => choice switch
    {
        VoteChoiceName.Yes => VoteChoice.Yes,
        VoteChoiceName.No => VoteChoice.No,
        VoteChoiceName.Abstain => VoteChoice.Abstain,
        VoteChoiceName.Absent => VoteChoice.Absent,
        _ => throw Unknown(choice),
    };

    public static ElectionBody ElectionBody(ElectionBodyName body) => body switch
    {
        ElectionBodyName.SC => Engine.Elections.ElectionBody.SecurityCouncil,
        ElectionBodyName.HRC => Engine.Elections.ElectionBody.HumanRightsCouncil,
        _ => throw Unknown(body),
    };

    public static WithdrawalMode Withdrawal(WithdrawalWho who) => who switch
    {
        WithdrawalWho.Trailing => WithdrawalMode.Trailing,
        WithdrawalWho.Any => WithdrawalMode.Any,
        WithdrawalWho.All => WithdrawalMode.All,
        _ => throw Unknown(who),
    };

    /// <summary>The regional group a region name stands for.</summary>
    public static RegionalGroup Group(RegionName region) => region switch
    {
        RegionName.AfricanGroup => RegionalGroup.African,
        RegionName.AsiaPacificGroup => RegionalGroup.AsiaPacific,
        RegionName.EasternEuropeanGroup => RegionalGroup.EasternEuropean,
        RegionName.Grulac => RegionalGroup.LatinAmericanAndCaribbean,
        RegionName.Weog => RegionalGroup.WesternEuropeanAndOthers,
        _ => throw Unknown(region),
    };

    /// <summary>The region name of a regional group (the inverse of <see cref="Group"/>).</summary>
    public static RegionName Region(RegionalGroup group) => group switch
    {
        RegionalGroup.African => RegionName.AfricanGroup,
        RegionalGroup.AsiaPacific => RegionName.AsiaPacificGroup,
        RegionalGroup.EasternEuropean => RegionName.EasternEuropeanGroup,
        RegionalGroup.LatinAmericanAndCaribbean => RegionName.Grulac,
        RegionalGroup.WesternEuropeanAndOthers => RegionName.Weog,
        _ => throw Unknown(group),
    };

    private static ArgumentOutOfRangeException Unknown<T>(T value)
        where T : struct, Enum =>
        new(typeof(T).Name, value, $"The scenario compiler has no meaning for {typeof(T).Name}.{value}: add it to ClosedSets.");
}
