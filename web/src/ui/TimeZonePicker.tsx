import { useId, useMemo, useState, type KeyboardEvent } from 'react';

const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
// Every time zone the browser knows; the server checks the name too.
const ZONES: string[] = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [browserZone];
const SHOWN = 8;

type Props = { id: string; value: string; onChange: (zone: string) => void; describedBy?: string };

// "Europe/Madrid" and "madrid", "new york" and "America/New_York" find each other.
const searchable = (text: string) => text.toLowerCase().replace(/[_/]/g, ' ');

/** A searchable list of time zones (an ARIA combobox): type part of a city or region, then pick with the
 *  mouse, or with the arrow keys and Enter. The field keeps whatever is typed, so a pasted name works too. */
export function TimeZonePicker({ id, value, onChange, describedBy }: Props) {
  const listId = useId();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const matches = useMemo(() => {
    const query = searchable(value.trim());
    return (query ? ZONES.filter((zone) => searchable(zone).includes(query)) : [browserZone, ...ZONES.filter((z) => z !== browserZone)]).slice(0, SHOWN);
  }, [value]);
  const expanded = open && matches.length > 0 && !(matches.length === 1 && matches[0] === value);

  const choose = (zone: string) => {
    onChange(zone);
    setOpen(false);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((current) => (current + step + matches.length) % Math.max(matches.length, 1));
    } else if (event.key === 'Enter' && expanded) {
      event.preventDefault();
      const zone = matches[active];
      if (zone) choose(zone);
    } else if (event.key === 'Escape') {
      setOpen(false);
    }
  };

  return (
    <div className="timezone-picker">
      <input id={id} type="text" role="combobox" autoComplete="off" spellCheck={false} value={value}
        aria-expanded={expanded} aria-controls={listId} aria-autocomplete="list" aria-describedby={describedBy}
        aria-activedescendant={expanded ? `${listId}-${active}` : undefined}
        onChange={(event) => { onChange(event.target.value); setOpen(true); setActive(0); }}
        onFocus={() => setOpen(true)} onBlur={() => setOpen(false)} onKeyDown={onKeyDown} />
      <ul id={listId} role="listbox" className="timezone-options" hidden={!expanded} aria-label="Suggestions">
        {matches.map((zone, index) => (
          <li key={zone} id={`${listId}-${index}`} role="option" aria-selected={index === active}
            onPointerDown={(event) => { event.preventDefault(); choose(zone); }}>
            {zone.replace(/_/g, ' ')}
          </li>
        ))}
      </ul>
    </div>
  );
}

export { browserZone };
