namespace StemSimulator.Engine.Simulation;

/// <summary>
/// Marks a hot kernel method that only the what-if recount of changed members calls (<see cref="ChangedMembersPlan"/>,
/// the server's what-ifs): a run never reaches it, so <see cref="KernelWarmUp"/> leaves it to its first use.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
internal sealed class WhatIfRecountAttribute : Attribute;
