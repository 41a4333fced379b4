/** Which step the presenter is on and a line saying where it is (shared by the panel and the compact bar). */
import type { PresenterState } from '../../../../contract';

export function presenterProgress(presenter: PresenterState): { current: number; progress: string } {
  const total = presenter.steps.length;
  // The step running now, else the one run last (its narration is the one shown).
  const current = presenter.status === 'running' ? presenter.next : presenter.next - 1;
  const words: Record<PresenterState['status'], string> = {
    idle: 'Nothing loaded',
    ready: presenter.next === 0 ? `Ready: ${total} steps` : `Step ${presenter.next} of ${total} passed`,
    running: `Running step ${presenter.next + 1} of ${total}…`,
    passed: `All ${total} steps passed`,
    failed: `Step ${(presenter.steps.find((s) => s.status === 'failed')?.index ?? 0) + 1} of ${total} failed`,
  };
  return { current, progress: words[presenter.status] };
}
