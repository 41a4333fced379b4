/** The left navigation: the lab's name and state, one button per view, theme and help. */
import { VIEWS } from '../../app/views';
import { ConnectionStatus } from './ConnectionStatus';
import { HelpButton } from './HelpButton';
import { NavButton } from './NavButton';
import { ThemeToggle } from './ThemeToggle';

export function Sidebar() {
  return (
    <aside className="sidebar">
      <div className="brand">
        <span className="brand-name">Case Sync Lab</span>
        <ConnectionStatus />
      </div>
      <nav aria-label="Views">
        <ul className="nav-list">
          {VIEWS.map((view) => (
            <li key={view.id}>
              <NavButton id={view.id} />
            </li>
          ))}
        </ul>
      </nav>
      <div className="sidebar-tools">
        <ThemeToggle />
        <HelpButton />
      </div>
    </aside>
  );
}
