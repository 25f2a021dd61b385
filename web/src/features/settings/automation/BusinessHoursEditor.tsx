import { browserZone, TimeZonePicker } from '../../../ui/TimeZonePicker';
import { DAYS, type BusinessHours, type DayKey, type Interval } from './automation';

type Props = { value: BusinessHours; error?: string; onChange: (value: BusinessHours) => void };

// Opening hours per weekday in one time zone: a day with no interval is closed. The away message goes
// out outside these hours.
export function BusinessHoursEditor({ value, error, onChange }: Props) {
  const setDay = (day: DayKey, intervals: Interval[]) => onChange({ ...value, days: { ...value.days, [day]: intervals } });
  return (
    <fieldset className="automation-group">
      <legend>Business hours</legend>
      <div className="field">
        <label htmlFor="hours-timezone">Time zone</label>
        <p id="hours-timezone-hint" className="field-hint">Type a city near you, for example Madrid, and pick it from the list. This computer is set to {browserZone.replace(/_/g, ' ')}.</p>
        <TimeZonePicker id="hours-timezone" describedBy="hours-timezone-hint" value={value.timezone} onChange={(timezone) => onChange({ ...value, timezone })} />
      </div>
      {error && <p className="field-error" role="alert">{error}</p>}
      <ul className="hours-days">
        {DAYS.map(([day, label]) => {
          const intervals = value.days[day] ?? [];
          return (
            <li key={day} className="hours-day">
              <h4 id={`hours-${day}`}>{label}{intervals.length === 0 && <span className="muted"> — closed</span>}</h4>
              {intervals.map((interval, i) => (
                <div key={i} className="hours-interval" role="group" aria-label={`${label}, hours ${i + 1}`}>
                  <label>Opens <input type="time" value={interval.open} onChange={(e) => setDay(day, intervals.map((x, j) => (j === i ? { ...x, open: e.target.value } : x)))} /></label>
                  <label>Closes <input type="time" value={interval.close === '24:00' ? '23:59' : interval.close} onChange={(e) => setDay(day, intervals.map((x, j) => (j === i ? { ...x, close: e.target.value } : x)))} /></label>
                  <button type="button" className="button button-quiet" onClick={() => setDay(day, intervals.filter((_, j) => j !== i))}>Remove<span className="visually-hidden"> {label} hours {i + 1}</span></button>
                </div>
              ))}
              <button type="button" className="button button-quiet" onClick={() => setDay(day, [...intervals, intervals.length ? { open: '14:00', close: '18:00' } : { open: '09:00', close: '17:00' }])}>
                Add hours<span className="visually-hidden"> on {label}</span>
              </button>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
