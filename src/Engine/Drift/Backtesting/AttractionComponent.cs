namespace StemSimulator.Engine.Drift.Backtesting;

/// <summary>One kind of bloc attraction tried by the backtest: the members of <see cref="On"/> pulled towards the centre of <see cref="Toward"/>.</summary>
/// <param name="Name">Name in outputs.</param>
/// <param name="On">A bloc whose members are pulled.</param>
/// <param name="Toward">A bloc, a member (CHN) or ASSEMBLY (all voting members).</param>
internal sealed record AttractionComponent(string Name, string On, string Toward);
