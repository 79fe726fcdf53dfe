import type { ComponentChildren } from 'preact';
import { useRef } from 'preact/hooks';
import { TAB_LABELS, TABS, type TabId } from '@/lib/page/sidebar-store';

export const tabId = (tab: TabId) => `tab-${tab}`;
export const panelId = (tab: TabId) => `panel-${tab}`;

interface TabListProps {
  selected: TabId;
  onSelect: (tab: TabId) => void;
  counts?: Partial<Record<TabId, number>>;
}

/** WAI-ARIA tabs: one tab stop, ←/→ (and Home/End) move and select. */
export function TabList({ selected, onSelect, counts = {} }: TabListProps) {
  const listRef = useRef<HTMLDivElement>(null);
  const select = (tab: TabId) => {
    onSelect(tab);
    listRef.current?.querySelector<HTMLElement>(`#${tabId(tab)}`)?.focus();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const index = TABS.indexOf(selected);
    const next =
      event.key === 'ArrowRight'
        ? TABS[(index + 1) % TABS.length]
        : event.key === 'ArrowLeft'
          ? TABS[(index - 1 + TABS.length) % TABS.length]
          : event.key === 'Home'
            ? TABS[0]
            : event.key === 'End'
              ? TABS[TABS.length - 1]
              : undefined;
    if (!next) return;
    event.preventDefault();
    select(next);
  };
  return (
    <div
      ref={listRef}
      class="tabs"
      role="tablist"
      aria-label="Episode companion"
      onKeyDown={onKeyDown}
    >
      {TABS.map((tab) => (
        <button
          key={tab}
          type="button"
          role="tab"
          id={tabId(tab)}
          class="tab"
          aria-selected={tab === selected ? 'true' : 'false'}
          aria-controls={panelId(tab)}
          tabIndex={tab === selected ? 0 : -1}
          onClick={() => select(tab)}
        >
          {TAB_LABELS[tab]}
          {counts[tab] !== undefined && (
            <span class="tab-count" aria-hidden="true">
              {counts[tab]}
            </span>
          )}
        </button>
      ))}
    </div>
  );
}

export function TabPanel({
  tab,
  selected,
  children,
}: {
  tab: TabId;
  selected: TabId;
  children: ComponentChildren;
}) {
  return (
    <div
      role="tabpanel"
      id={panelId(tab)}
      class={`panel panel-${tab}`}
      aria-labelledby={tabId(tab)}
      hidden={tab !== selected}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: WAI-ARIA tabs pattern: the panel takes focus so it scrolls by keyboard
      tabIndex={0}
    >
      {children}
    </div>
  );
}
