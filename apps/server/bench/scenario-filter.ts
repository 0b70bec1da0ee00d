/**
 * `--scenarios=storm,entries,…`: run only some rows of the side-by-side run (and their
 * prerequisites: entries need everyone connected, the fan-outs need the entries, which join the
 * sender to every group). Without the option, everything runs.
 */
export const scenarioNames = ['storm', 'entries', 'big-group', 'small-groups', 'writes', 'history', 'search', 'files', 'two-nodes'] as const;

export type ScenarioName = (typeof scenarioNames)[number];

const needs: Partial<Record<ScenarioName, ScenarioName[]>> = {
  entries: ['storm'],
  'big-group': ['storm', 'entries'],
  'small-groups': ['storm', 'entries'],
};

function isScenarioName(name: string): name is ScenarioName {
  return (scenarioNames as readonly string[]).includes(name);
}

/** The scenarios `--scenarios=` names, with what they need; every scenario when it is absent. */
export function selectedScenarios(argv: readonly string[]): ReadonlySet<ScenarioName> {
  const arg = argv.find((a) => a.startsWith('--scenarios='))?.slice('--scenarios='.length);
  if (arg === undefined) return new Set(scenarioNames);
  const chosen = new Set<ScenarioName>();
  for (const name of arg.split(',').map((s) => s.trim()).filter(Boolean)) {
    if (!isScenarioName(name)) throw new Error(`--scenarios takes a comma-separated list of ${scenarioNames.join(', ')}; not ${name}`);
    chosen.add(name);
    for (const needed of needs[name] ?? []) chosen.add(needed);
  }
  if (chosen.size === 0) throw new Error('--scenarios names no scenario');
  return chosen;
}
