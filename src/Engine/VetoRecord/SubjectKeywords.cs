using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace StemSimulator.Engine.VetoRecord;

/// <summary>
/// Which General Assembly titles are "on the same subject" as a veto: a case-insensitive pattern per crisis topic of the
/// veto data, and one exclusion for standing agency and committee items that mention a subject without responding to a
/// Council vote (UNRWA, refugees, the Palestinian Rights Committee, host-country relations).
/// </summary>
internal static class SubjectKeywords
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    /// <summary>Titles that never count as a follow-up or a comparison, whatever their subject.</summary>
    public static Regex Excluded { get; } = new(
        @"refugee|Relief and Works|UNRWA|assistance to the Palestinian|Committee on the Exercise|Special Committee|Host Country", Options);

    private static readonly FrozenDictionary<string, Regex> ByTopic = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Admission"] = "admission|membership",
        ["Afghanistan"] = "Afghanistan",
        ["Angola"] = "Angola",
        ["Atomic Energy Commission"] = "atomic",
        ["Berlin Blockade"] = "Berlin",
        ["Biological Warfare"] = "bacteriolog|biological",
        ["Bosnia"] = "Bosnia|Yugoslavia|Srebrenica",
        ["Cambodia"] = "Kampuchea|Cambodia",
        ["Climate and Security"] = "climate",
        ["Comoros"] = "Comor|Mayotte",
        ["Congo"] = "Congo",
        ["Cyprus"] = "Cyprus",
        ["Czechoslovakia"] = "Czechoslovakia",
        ["Disarmament"] = "disarmament|armaments",
        ["Falklands-Malvinas"] = "Falkland|Malvinas",
        ["Georgia"] = "Georgia|Abkhazia",
        ["Greek Civil War"] = "Greece|Greek",
        ["Grenada"] = "Grenada",
        ["Guatemala"] = "Guatemala",
        ["Hungary"] = "Hungary",
        ["India-Pakistan"] = "Kashmir|India|Pakistan|Bangladesh",
        ["Iran"] = @"Iran\b|hostage",
        ["Israel-Lebanon"] = "Lebanon",
        ["Israel-Palestine"] = "Palestin|occupied Arab|Jerusalem|Israeli|Gaza|West Bank|Occupied Territor",
        ["Korean Airlines"] = "Korean Air|civil aviation|airliner",
        ["Korean War"] = "Korea",
        ["Kuwait"] = "Kuwait",
        ["Lebanon"] = "Lebanon",
        ["Macedonia"] = "Macedonia",
        ["Malasyia"] = "Malaysia",
        ["Myanmar"] = "Myanmar",
        ["Namibia"] = "Namibia|South West Africa",
        ["Nicaragua"] = "Nicaragua|Central America",
        ["North Korea"] = "Korea",
        ["Panama"] = "Panama",
        ["Panama Canal"] = "Panama",
        ["Rhodesia"] = "Rhodesia|Zimbabwe",
        ["South Africa"] = "South Africa|apartheid",
        ["Southern Africa"] = "South Africa|apartheid|Southern Africa",
        ["Spain"] = "Spain",
        ["Syria"] = "Syria",
        ["Terrorism"] = "terroris",
        ["Thailand"] = "Thailand",
        ["US-Libya"] = "Libya",
        ["US-USSR"] = "Soviet|U-2|RB-47",
        ["Ukraine"] = "Ukraine|Crimea",
        ["Venezuela"] = "Venezuela",
        ["Yemen"] = "Yemen",
        ["Zimbabwe"] = "Zimbabwe",
    }.ToFrozenDictionary(e => e.Key, e => new Regex(e.Value, Options), StringComparer.Ordinal);

    /// <summary>
    /// The pattern of a crisis topic; a topic without an entry (a new one in the data) is matched by its own name, so
    /// that new data degrade to the obvious rule instead of failing.
    /// </summary>
    public static Regex For(string topic)
    {
        ArgumentNullException.ThrowIfNull(topic);
        return ByTopic.TryGetValue(topic, out var pattern) ? pattern : new Regex(Regex.Escape(topic), Options);
    }

    /// <summary>Whether <paramref name="title"/> is on the subject of <paramref name="topic"/> and not excluded.</summary>
    public static bool IsOnSubject(string topic, string title) => For(topic).IsMatch(title) && !Excluded.IsMatch(title);
}
