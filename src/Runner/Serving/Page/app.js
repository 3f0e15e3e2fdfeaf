// The what-if explorer: every change re-runs the scenario with one variant ("what-if") on the server, on common
// random numbers, so the paired difference from the baseline is exact to the trials; the newest request wins.
'use strict';

(() => {
  // ColorBrewer PuOr, 9 classes (safe for colour-blind readers): orange for no, purple for yes.
  const palette = ['#b35806', '#e08214', '#fdb863', '#fee0b6', '#f7f7f7', '#d8daeb', '#b2abd2', '#8073ac', '#542788'];
  const debounceMs = 250;
  const $ = (id) => document.getElementById(id);
  const state = {
    scenarios: [], groups: [], members: [], names: new Map(), isoToCode: {}, paths: new Map(),
    scenarioName: null, yaml: '', changes: [], result: null, selected: null, controller: null, timer: null, sequence: 0,
    hasVotes: true, hasElections: false,
  };
  const voteActions = ['shift', 'fix', 'cosponsor', 'outreach'];
  const electionActions = ['campaign', 'pledge'];

  const percent = (p) => (p === null || p === undefined || Number.isNaN(p)) ? 'n/a' : `${(p * 100).toFixed(1)}%`;
  const status = (text, error = false) => { $('status').textContent = text; $('status').classList.toggle('error', error); };

  async function getJson(url) {
    const response = await fetch(url);
    if (!response.ok) { throw new Error(`${url}: ${response.status}`); }
    return response.json();
  }

  async function start() {
    const [scenarios, groups, members, iso, world, small] = await Promise.all([
      getJson('api/scenarios'), getJson('api/blocs'), getJson('api/members'), getJson('vendor/iso-numeric.json'), getJson('vendor/countries-110m.json'),
      getJson('small-states.json'),
    ]);
    state.scenarios = scenarios;
    state.groups = groups;
    state.members = members.members;
    state.isoToCode = iso;
    for (const m of state.members) { state.names.set(m.code, m.name); }
    fillSelect($('scenario'), scenarios.map((s) => [s.name, `${s.kind === 'template' ? 'Template: ' : ''}${s.name}`]));
    fillSelect($('member'), state.members.map((m) => [m.code, `${m.name} (${m.code})`]));
    fillSelect($('bloc'), groups.map((g) => [g.name, `${g.name} (${g.members.length})`]));
    drawMap(world, small);
    legend();
    wire();
    const initial = scenarios.find((s) => s.name === 'ga-hrc-suspension-2026') ?? scenarios[0];
    $('scenario').value = initial.name;
    await openScenario(initial.name);
  }

  function fillSelect(select, options) {
    select.replaceChildren(...options.map(([value, label]) => new Option(label, value)));
  }

  // Countries as paths; the members the 1:110m map leaves out as small circles at their centroid (small-states.json,
  // made by tools/serve/small-states.js), drawn last so that they sit on top.
  function drawMap(world, small) {
    const countries = topojson.feature(world, world.objects.countries);
    const projection = d3.geoEqualEarth().fitSize([960, 500], countries);
    const path = d3.geoPath(projection);
    const svg = $('map');
    const ns = 'http://www.w3.org/2000/svg';
    for (const feature of countries.features) {
      const code = state.isoToCode[feature.id];
      const element = document.createElementNS(ns, 'path');
      element.setAttribute('d', path(feature) ?? '');
      if (code && state.names.has(code)) {
        memberShape(element, code);
      } else {
        element.setAttribute('class', 'none');
      }
      svg.appendChild(element);
    }
    for (const [code, lonLat] of Object.entries(small)) {
      const at = projection(lonLat);
      if (!state.names.has(code) || state.paths.has(code) || !at) { continue; }
      const circle = document.createElementNS(ns, 'circle');
      circle.setAttribute('cx', at[0].toFixed(1));
      circle.setAttribute('cy', at[1].toFixed(1));
      circle.setAttribute('r', '4');
      circle.setAttribute('class', 'small');
      memberShape(circle, code);
      svg.appendChild(circle);
    }
  }

  // A member on the map: a button (Tab, Enter or Space selects it) with its name and a tooltip.
  function memberShape(element, code) {
    const ns = 'http://www.w3.org/2000/svg';
    element.setAttribute('tabindex', '0');
    element.setAttribute('role', 'button');
    element.setAttribute('data-code', code);
    element.setAttribute('aria-label', state.names.get(code));
    element.appendChild(document.createElementNS(ns, 'title'));
    element.addEventListener('click', () => selectMember(code));
    element.addEventListener('keydown', (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); selectMember(code); } });
    state.paths.set(code, element);
  }

  function legend() {
    const box = $('legend');
    const parts = [Object.assign(document.createElement('span'), { className: 'label', textContent: 'P(yes) 0%' })];
    for (const colour of palette) {
      const swatch = document.createElement('span');
      swatch.className = 'swatch';
      swatch.style.background = colour;
      parts.push(swatch);
    }
    parts.push(Object.assign(document.createElement('span'), { className: 'label', textContent: '100%' }));
    box.replaceChildren(...parts);
  }

  function colour(p) {
    if (p === null || p === undefined || Number.isNaN(p)) { return '#d9d9d9'; }
    return palette[Math.min(palette.length - 1, Math.floor(p * palette.length))];
  }

  function wire() {
    $('scenario').addEventListener('change', () => openScenario($('scenario').value));
    $('vote').addEventListener('change', render);
    $('trials-choice').addEventListener('change', schedule);
    for (const radio of document.querySelectorAll('input[name="target-kind"]')) { radio.addEventListener('change', targetKindChanged); }
    $('member').addEventListener('change', () => selectMember($('member').value));
    $('bloc').addEventListener('change', describeTarget);
    $('action').addEventListener('change', actionChanged);
    $('shift').addEventListener('input', () => { $('shift-value').textContent = signed($('shift').value); });
    $('apply').addEventListener('click', addChange);
    $('clear').addEventListener('click', () => { state.changes = []; changesChanged(); });
    $('download').addEventListener('click', download);
    $('download-briefing').addEventListener('click', downloadBriefing);
    $('run-yaml').addEventListener('click', () => { state.yaml = $('yaml').value; state.scenarioName = 'edited'; schedule(); });
  }

  const signed = (v) => (Number(v) > 0 ? '+' : '') + Number(v).toFixed(1);
  const targetKind = () => document.querySelector('input[name="target-kind"]:checked').value;

  function targetKindChanged() {
    const bloc = targetKind() === 'bloc';
    $('member-label').hidden = bloc;
    $('bloc-label').hidden = !bloc;
    describeTarget();
  }

  function actionChanged() {
    const action = $('action').value;
    $('shift-label').hidden = action !== 'shift';
    $('fix-label').hidden = action !== 'fix';
    $('effect-label').hidden = action !== 'cosponsor' && action !== 'outreach';
    $('strength-label').hidden = action !== 'campaign';
    $('candidate-label').hidden = !electionActions.includes(action);
    $('pledge-note').hidden = action !== 'pledge';
    // A candidate's campaign concerns the candidate alone: no member or bloc to pick.
    document.querySelector('input[name="target-kind"][value="member"]').closest('.row').hidden = action === 'campaign';
    $('member-label').parentElement.hidden = action === 'campaign';
  }

  // Votes take the vote actions, elections the election actions; a scenario may have both.
  function kindsChanged(hasVotes, hasElections) {
    state.hasVotes = hasVotes;
    state.hasElections = hasElections;
    for (const option of $('action').options) {
      option.disabled = voteActions.includes(option.value) ? !hasVotes : !hasElections;
      option.hidden = option.disabled;
    }
    if ($('action').selectedOptions[0]?.disabled) { $('action').value = [...$('action').options].find((o) => !o.disabled)?.value ?? 'shift'; }
    actionChanged();
    $('vote-label').hidden = !hasVotes;
    for (const id of ['odds', 'map-section', 'deciders-section']) { $(id).hidden = !hasVotes; }
    $('elections-section').hidden = !hasElections;
  }

  function selectMember(code) {
    state.selected = code;
    document.querySelector('input[name="target-kind"][value="member"]').checked = true;
    targetKindChanged();
    $('member').value = code;
    for (const [c, element] of state.paths) { element.classList.toggle('selected', c === code); }
    describeTarget();
  }

  function describeTarget() {
    const info = $('target-info');
    if (targetKind() === 'bloc') {
      const group = state.groups.find((g) => g.name === $('bloc').value);
      info.textContent = group ? `${group.description}: ${group.members.length} voting members.` : '';
      return;
    }
    const code = $('member').value;
    const row = memberRow(code, 'what-if');
    const base = memberRow(code, 'baseline');
    info.textContent = row ? `${state.names.get(code)}: P(yes) ${percent(base?.p_yes)} in the baseline, ${percent(row.p_yes)} with your changes; swing ${percent(row.swing)}.` : '';
  }

  function addChange() {
    const action = $('action').value;
    const kind = action === 'campaign' ? 'candidate' : targetKind();
    const target = kind === 'candidate' ? $('candidate').value : kind === 'bloc' ? $('bloc').value : $('member').value;
    if (!target) { status('Pick a candidate first: the scenario lists them once it has run.', true); return; }
    const candidate = action === 'pledge' ? $('candidate').value : null;
    if (action === 'pledge' && !candidate) { status('Pick a candidate first: the scenario lists them once it has run.', true); return; }
    const value = action === 'shift' ? Number($('shift').value) : action === 'fix' ? $('fix').value : action === 'campaign' ? Number($('strength').value) : action === 'pledge' ? candidate : Number($('effect').value);
    // One change per target and action (and candidate, for pledges): the newest replaces the older.
    state.changes = state.changes.filter((c) => !(c.kind === kind && c.target === target && c.action === action && (action !== 'pledge' || c.value === value)));
    state.changes.push({ kind, target, action, value });
    changesChanged();
  }

  // "election/CODE" as the candidate's name and election.
  function candidateName(key) {
    const [election, code] = key.split('/');
    return `${state.names.get(code) ?? code} (${code}, ${election})`;
  }

  function describeChange(c) {
    const who = c.kind === 'bloc' ? c.target : c.kind === 'candidate' ? candidateName(c.target) : `${state.names.get(c.target) ?? c.target} (${c.target})`;
    switch (c.action) {
      case 'shift': return `${who}: shift ${signed(c.value)}`;
      case 'fix': return `${who}: votes ${c.value}`;
      case 'cosponsor': return `${who}: co-sponsors (effect ${signed(c.value)})`;
      case 'outreach': return `${who}: outreach target (effect ${signed(c.value)})`;
      case 'campaign': return `${candidateName(c.target)}: campaign strength ${signed(c.value)}`;
      case 'pledge': return `${who}: pledges to ${candidateName(c.value)}`;
      default: throw new Error(`unknown action ${c.action}`);
    }
  }

  function changesChanged() {
    const list = $('changes');
    if (state.changes.length === 0) {
      list.replaceChildren(Object.assign(document.createElement('li'), { className: 'muted', textContent: 'none yet: the what-if equals the baseline' }));
    } else {
      list.replaceChildren(...state.changes.map((c, i) => {
        const item = document.createElement('li');
        item.textContent = describeChange(c);
        const remove = Object.assign(document.createElement('button'), { type: 'button', textContent: 'remove' });
        remove.setAttribute('aria-label', `remove: ${describeChange(c)}`);
        remove.addEventListener('click', () => { state.changes.splice(i, 1); changesChanged(); });
        item.appendChild(remove);
        return item;
      }));
    }
    schedule();
  }

  // The variant's keys, as a scenario writes them.
  function variantChanges() {
    const changes = {};
    for (const c of state.changes) {
      if (c.action === 'campaign' || c.action === 'pledge') {
        electionChange(changes, c);
      } else if (c.action === 'shift' || c.action === 'fix') {
        const section = c.kind === 'bloc' ? 'blocs' : 'members';
        changes[section] ??= {};
        const entry = changes[section][c.target] ??= {};
        if (c.action === 'shift') { entry.shift = c.value; } else { entry.vote = c.value; }
      } else {
        const section = c.action === 'cosponsor' ? 'cosponsors' : 'outreach';
        changes[section] ??= { effect: c.value };
        changes[section].effect = c.value;
        const list = c.kind === 'bloc' ? 'blocs' : 'members';
        (changes[section][list] ??= []).push(c.target);
      }
    }
    return changes;
  }

  // Under elections.ID: campaign.CODE = strength, or pledges.CODE = the pledging members (a bloc's voting members).
  function electionChange(changes, c) {
    const [election, code] = (c.action === 'campaign' ? c.target : c.value).split('/');
    const entry = ((changes.elections ??= {})[election] ??= {});
    if (c.action === 'campaign') {
      (entry.campaign ??= {})[code] = c.value;
      return;
    }
    const members = c.kind === 'bloc' ? state.groups.find((g) => g.name === c.target)?.members ?? [] : [c.target];
    const list = ((entry.pledges ??= {})[code] ??= []);
    for (const m of members) { if (m !== code && !list.includes(m)) { list.push(m); } }
  }

  async function openScenario(name) {
    const shipped = state.scenarios.find((s) => s.name === name);
    if (shipped) { kindsChanged(shipped.votes.length > 0, shipped.elections.length > 0); }
    status(`Opening ${name}...`);
    const response = await fetch(`api/scenarios/${encodeURIComponent(name)}`);
    state.yaml = await response.text();
    state.scenarioName = name;
    state.changes = [];
    state.result = null;
    $('candidate').replaceChildren();
    $('yaml').value = state.yaml;
    changesChanged();
  }

  // Debounced: a burst of changes sends one request; a request still running is aborted.
  function schedule() {
    clearTimeout(state.timer);
    state.timer = setTimeout(send, debounceMs);
  }

  async function send(retries = 3) {
    state.controller?.abort();
    const controller = new AbortController();
    state.controller = controller;
    const sequence = ++state.sequence;
    const changeCount = state.changes.length;
    status('Running...');
    document.body.setAttribute('aria-busy', 'true');
    document.body.dataset.state = 'busy';
    try {
      const response = await fetch('api/whatif', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          scenario: state.yaml,
          changes: variantChanges(),
          description: state.changes.map(describeChange).join('; ') || null,
          trials: $('trials-choice').value ? Number($('trials-choice').value) : null,
        }),
        signal: controller.signal,
      });
      const body = await response.json();
      if (sequence !== state.sequence) { return; }
      if (response.status === 429 && retries > 0) {
        setTimeout(() => { if (sequence === state.sequence) { send(retries - 1); } }, 1000);
        return;
      }
      if (!response.ok) { showProblem(body); document.body.dataset.state = 'error'; return; }
      $('errors').replaceChildren();
      state.result = body;
      render();
      // What the page shows is the answer to these changes (tests and scripts wait for it).
      document.body.dataset.changes = String(changeCount);
      document.body.dataset.scenario = body.run.scenario;
      document.body.dataset.trials = String(body.run.trials);
      document.body.dataset.state = 'ready';
      status(`Done in ${body.run.seconds.toFixed(2)} s (${body.run.trials.toLocaleString('en')} trials, seed ${body.run.seed}).`);
    } catch (e) {
      if (e.name !== 'AbortError' && sequence === state.sequence) { status(`The request failed: ${e.message}`, true); document.body.dataset.state = 'error'; }
    } finally {
      if (sequence === state.sequence) { document.body.removeAttribute('aria-busy'); }
    }
  }

  function showProblem(problem) {
    status(`${problem.title}: ${problem.detail}`, true);
    const lines = (problem.scenario_yaml ?? state.yaml).split('\n');
    $('errors').replaceChildren(...(problem.errors ?? []).map((e) => {
      const item = document.createElement('li');
      item.append(`line ${e.line}, column ${e.column}: `);
      item.append(Object.assign(document.createElement('code'), { textContent: lines[e.line - 1] ?? '' }));
      item.append(` ${e.message}`);
      return item;
    }));
    if (problem.errors && !problem.scenario_yaml) {
      $('yaml-details').open = true;
      const first = problem.errors[0];
      const offset = lines.slice(0, first.line - 1).reduce((n, l) => n + l.length + 1, 0) + first.column - 1;
      $('yaml').setSelectionRange(offset, offset + (lines[first.line - 1]?.length ?? 0) - first.column + 1);
    }
  }

  function memberRow(code, variant) {
    const vote = $('vote').value;
    return state.result?.run.members.find((m) => m.member === code && m.variant === variant && m.vote_id === vote);
  }

  function render() {
    const result = state.result;
    if (!result) { return; }
    kindsChanged(result.comparison.length > 0, result.election_comparison.length > 0);
    if (state.hasElections) { elections(); }
    if (!state.hasVotes) { return; }
    const ids = result.comparison.map((c) => c.vote_id);
    if ([...$('vote').options].map((o) => o.value).join() !== ids.join()) { fillSelect($('vote'), ids.map((id) => [id, id])); }
    const vote = $('vote').value;
    const comparison = result.comparison.find((c) => c.vote_id === vote);
    const headline = (variant) => result.run.headlines.find((h) => h.variant === variant && h.vote_id === vote);
    const base = headline('baseline');
    const whatIf = headline('what-if');
    $('trials').textContent = `${result.run.trials.toLocaleString('en')} trials, seed ${result.run.seed}`;
    setNumber('p-baseline', comparison.baseline_p_adopted, `(${percent(comparison.baseline_p_adopted)})`);
    $('p-baseline-words').textContent = `Adoption ${base.odds}`;
    setNumber('p-whatif', comparison.p_adopted, `(${percent(comparison.p_adopted)})`);
    $('p-whatif-words').textContent = `Adoption ${whatIf.odds}`;
    setNumber('p-diff', comparison.diff_vs_baseline, whatIf.difference ?? 'n/a');
    $('baseline-counts').textContent = counts(base);
    $('whatif-counts').textContent = counts(whatIf);
    for (const [code, element] of state.paths) {
      const row = memberRow(code, 'what-if');
      element.setAttribute('fill', colour(row?.p_yes));
      element.setAttribute('data-p-yes', row?.p_yes ?? '');
      element.querySelector('title').textContent = `${state.names.get(code)}: P(yes) ${percent(row?.p_yes)}`;
    }
    deciders();
    describeTarget();
  }

  // Per election and candidate: P(elected) in the baseline and with the changes, as stemsim run's table shows them.
  function elections() {
    const comparison = state.result.election_comparison;
    const keys = comparison.map((c) => [`${c.election_id}/${c.candidate}`, `${c.name} (${c.candidate}, ${c.election_id})`]);
    if ([...$('candidate').options].map((o) => o.value).join() !== keys.map((k) => k[0]).join()) {
      const chosen = $('candidate').value;
      fillSelect($('candidate'), keys);
      if (keys.some((k) => k[0] === chosen)) { $('candidate').value = chosen; }
    }
    const rows = state.result.run.elections.filter((r) => r.variant === 'what-if');
    $('elections').tBodies[0].replaceChildren(...comparison.map((c) => {
      const row = rows.find((r) => r.election_id === c.election_id && r.candidate === c.candidate);
      const tr = document.createElement('tr');
      tr.dataset.candidate = `${c.election_id}/${c.candidate}`;
      const cell = (text, value) => {
        const td = Object.assign(document.createElement('td'), { textContent: text });
        if (value !== undefined) { td.dataset.value = value === null ? '' : String(value); }
        return td;
      };
      const points = c.diff_vs_baseline === null ? 'n/a' : `${c.diff_vs_baseline >= 0 ? '+' : ''}${(c.diff_vs_baseline * 100).toFixed(1)} points (± ${(c.diff_se_unpaired * 100).toFixed(1)})`;
      tr.append(
        cell(`${c.election_id}, ${c.seat_group} ${c.seats}`),
        Object.assign(document.createElement('th'), { scope: 'row', textContent: `${c.name} (${c.candidate})` }),
        cell(percent(c.baseline_p_elected), c.baseline_p_elected),
        cell(`${percent(c.p_elected)} ± ${percent(c.p_elected_se)}`, c.p_elected),
        cell(points, c.diff_vs_baseline),
        cell(percent(row?.p_elected_first_ballot)),
        cell(row?.votes_first_ballot_mean === null || row?.votes_first_ballot_mean === undefined ? 'n/a' : row.votes_first_ballot_mean.toFixed(1)),
        cell(percent(row?.p_withdrew)),
        cell(row ? `${row.rounds_p50} (${row.rounds_p90})` : 'n/a'));
      return tr;
    }));
  }

  function setNumber(id, value, text) {
    const element = $(id);
    element.textContent = text;
    element.dataset.value = value === null || value === undefined ? '' : String(value);
  }

  const counts = (h) => `90% ranges: ${h.yes_range} yes, ${h.no_range} no, ${h.abstain_range} abstentions`;

  function deciders() {
    const vote = $('vote').value;
    const rows = state.result.run.members.filter((m) => m.variant === 'what-if' && m.vote_id === vote && m.swing > 0)
      .sort((a, b) => b.swing - a.swing).slice(0, 12);
    const top = rows[0]?.swing ?? 1;
    $('deciders').tBodies[0].replaceChildren(...rows.map((m) => {
      const tr = document.createElement('tr');
      const name = document.createElement('td');
      const link = Object.assign(document.createElement('button'), { type: 'button', textContent: `${m.name} (${m.member})` });
      link.addEventListener('click', () => selectMember(m.member));
      name.appendChild(link);
      const bar = document.createElement('td');
      bar.className = 'bar';
      const span = document.createElement('span');
      span.style.width = `${Math.round((m.swing / top) * 100)}px`;
      bar.appendChild(span);
      tr.append(name, Object.assign(document.createElement('td'), { textContent: percent(m.p_yes) }), Object.assign(document.createElement('td'), { textContent: percent(m.swing) }), bar);
      return tr;
    }));
  }

  function download() {
    if (!state.result) { return; }
    saveBlob(new Blob([state.result.scenario_yaml], { type: 'application/yaml' }), `${state.result.run.scenario}-what-if.yaml`);
  }

  // The briefing stemsim report writes for the downloaded scenario's run (the baseline and the what-if on screen).
  async function downloadBriefing() {
    if (!state.result) { return; }
    status('Writing the briefing...');
    try {
      const response = await fetch('api/briefing', {
        method: 'POST',
        headers: { 'Content-Type': 'application/yaml' },
        body: state.result.scenario_yaml,
      });
      if (!response.ok) { showProblem(await response.json()); status('The briefing could not be made.', true); return; }
      saveBlob(await response.blob(), `${state.result.run.scenario}-what-if-briefing.html`);
      status('Briefing downloaded.');
    } catch (e) {
      status(`The request failed: ${e.message}`, true);
    }
  }

  function saveBlob(blob, name) {
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  }

  window.addEventListener('DOMContentLoaded', () => { start().catch((e) => status(`The page could not start: ${e.message}`, true)); });
})();
