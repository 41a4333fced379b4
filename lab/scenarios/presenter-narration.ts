/**
 * What the presenter says (issue 6 "a presenter mode that steps through it with narration"): a step's
 * `note:` when the file has one, else a sentence made from the executor's step title with each
 * customer alias replaced by the customer's name (`ann says "..."` → `Ann Lee says "..."`), and an
 * opening line for the scenario that warns when it was written for the other mode.
 */
import type { LabMode } from '../lab.types';
import type { Scenario, Step } from './scenario.schema';
import { stepTitle } from './steps';

/** Customer alias → name, from the scenario's `start` steps. */
export function customerNames(scenario: Scenario): Map<string, string> {
  const names = new Map<string, string>();
  for (const step of scenario.steps) if (step.action === 'start') names.set(step.options.customer, step.options.name);
  return names;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Replaces aliases standing as words, outside the quoted texts of a title (what a customer says is
 * theirs) and not inside an email, a path or a `${case.ann}` reference.
 */
function withNames(text: string, names: Map<string, string>): string {
  return text.split(/("[^"]*")/).map((part, index) => {
    if (index % 2 === 1) return part;
    let out = part;
    for (const [alias, name] of names) out = out.replace(new RegExp(`(?<![\\w.@/{-])${escape(alias)}(?![\\w.@/}-])`, 'g'), name);
    return out;
  }).join('');
}

function sentence(text: string): string {
  const trimmed = text.trim();
  if (!trimmed) return trimmed;
  const capital = trimmed[0]!.toUpperCase() + trimmed.slice(1);
  return /[.!?"”…]$/.test(capital) ? capital : `${capital}.`;
}

/** The narration of one step. */
export function narrateStep(step: Step, names: Map<string, string>): string {
  if (step.note) return step.note;
  if (step.action === 'start') {
    const o = step.options;
    const reach = [o.email, o.phone].filter(Boolean).join(', ');
    return sentence(`${o.name}${reach ? ` (${reach})` : ''} opens a ${CHANNEL_WORDS[o.channel]} conversation`);
  }
  return sentence(withNames(stepTitle(step), names).replace(/\bhanded_off\b/g, 'handed off'));
}

const CHANNEL_WORDS = { web: 'web widget', email: 'email', sms: 'SMS', whatsapp: 'WhatsApp' } as const;
const MODE_WORDS: Record<LabMode, string> = {
  'every-conversation': 'every-conversation mode (a case on every conversation)',
  'handoff-only': 'handoff-only mode (a case only on handoff)',
};

/** Warnings about presenting the scenario on a lab it was not written for (its mode, settings and AI are not applied). */
export function presenterWarnings(scenario: Scenario, labMode: LabMode): string[] {
  const warnings: string[] = [];
  if (scenario.mode !== labMode) {
    warnings.push(`This scenario is written for ${MODE_WORDS[scenario.mode]}, but the lab runs in ${MODE_WORDS[labMode]}: steps that depend on the mode may fail. Switch the mode in Sync settings to match.`);
  }
  if (scenario.settings) warnings.push('The scenario\'s engine settings are not applied to this lab: steps that depend on them may fail.');
  if (scenario.ai) warnings.push('The scenario\'s AI configuration is not applied to this lab: the AI answers as this lab\'s AI does.');
  return warnings;
}

/** The opening narration: the scenario's name and description, then the warnings. */
export function introNarration(scenario: Scenario, warnings: readonly string[]): string {
  return [sentence(scenario.name), scenario.description ? sentence(scenario.description) : '', ...warnings].filter(Boolean).join(' ');
}
