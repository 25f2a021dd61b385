type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {});

// A template we sent: its name and the values it was filled with (the definition may have changed since).
export function TemplateMessage({ b }: { b: Obj }) {
  const components = Array.isArray(b.components) ? b.components.map(obj) : [];
  const values = components.flatMap((c) => (Array.isArray(c.parameters) ? c.parameters.map(obj) : [])).map((p) => (typeof p.text === 'string' ? p.text : null)).filter((t): t is string => t !== null);
  return (
    <div>
      <p className="message-kind">{`Template “${String(b.name ?? '')}” (${String(obj(b.language).code ?? '')})`}</p>
      {values.length > 0 && <p className="message-text">{values.join(' · ')}</p>}
    </div>
  );
}
