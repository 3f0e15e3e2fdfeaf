using StemSimulator.Engine.Rules;

namespace StemSimulator.Engine.Simulation;

/// <summary>
/// The results of one vote of one variant for a block of consecutive trials, column by column; row r is trial
/// <c>TrialBlock.FirstTrial + r</c>. The buffers are reused for the next block once a sink has seen them.
/// </summary>
public sealed class VoteTrialColumns
{
    internal VoteTrialColumns(int capacity, int paddedParticipants, int participants = 0, bool choices = false)
    {
        Stride = paddedParticipants;
        Participants = participants;
        Choices = choices ? new byte[capacity * participants] : null;
        Yes = new short[capacity];
        No = new short[capacity];
        Abstain = new short[capacity];
        Absent = new short[capacity];
        Adopted = new bool[capacity];
        VetoedBy = new PermanentMembers[capacity];
        ExactProbability = new double[capacity];
        Held = new bool[capacity];
        DebateDay = new byte[capacity];
        Path = new byte[capacity];
        MemberCounts = new long[paddedParticipants * MemberCountKinds];
    }

    /// <summary>Counters kept per participant: yes, abstain, no, absent (indexed by <see cref="VoteChoice"/>) and pivotal.</summary>
    internal const int MemberCountKinds = 5;

    /// <summary>Index of the pivotal counter among a participant's counters.</summary>
    internal const int PivotalKind = 4;

    /// <summary>Yes votes per trial.</summary>
    public short[] Yes { get; }

    /// <summary>No votes per trial.</summary>
    public short[] No { get; }

    /// <summary>Abstentions per trial.</summary>
    public short[] Abstain { get; }

    /// <summary>Members absent or without a vote per trial.</summary>
    public short[] Absent { get; }

    /// <summary>Whether the sampled votes adopted the proposal.</summary>
    public bool[] Adopted { get; }

    /// <summary>Permanent members whose no vetoed the draft (Council, substantive); <see cref="PermanentMembers.None"/> otherwise.</summary>
    public PermanentMembers[] VetoedBy { get; }

    /// <summary>Whether the vote was held in the trial (always, unless it waits for an earlier vote's outcome).</summary>
    public bool[] Held { get; }

    /// <summary>
    /// After a veto that convenes the Assembly's debate (A/RES/76/262): the working day after the veto on which the
    /// Assembly meets, 1 to 10; 0 when there is no such debate.
    /// </summary>
    public byte[] DebateDay { get; }

    /// <summary>Which of the vote's conditions was met, 1-based (0: unconditional, or not held).</summary>
    public byte[] Path { get; }

    /// <summary>
    /// Each participant's vote, when the run records them (<see cref="SimulationOptions.MemberChoices"/>; null
    /// otherwise): trial row r's participant p (in the vote's order) at <c>r * Participants + p</c>, a
    /// <see cref="VoteChoice"/> code. The rows of trials in which the vote was not held (<see cref="Held"/>) keep
    /// whatever an earlier block left there.
    /// </summary>
    public byte[]? Choices { get; }

    /// <summary>The vote's participants: the length of a trial's row in <see cref="Choices"/> (0 when not recorded).</summary>
    public int Participants { get; }

    /// <summary>Exact P(adopted) given the trial's shocks and position draws, 0 when not held; NaN where the vote's estimator is <c>Sampled</c>.</summary>
    public double[] ExactProbability { get; }

    /// <summary>
    /// For the whole block, per participant p: counts at <c>kind * Stride + p</c>, kinds yes, abstain, no, absent,
    /// pivotal (kind-major, so the kernel updates four members with one vector operation).
    /// </summary>
    internal long[] MemberCounts { get; }

    /// <summary>Participants rounded up to whole vectors: the distance between two kinds in <see cref="MemberCounts"/>.</summary>
    internal int Stride { get; }
}
