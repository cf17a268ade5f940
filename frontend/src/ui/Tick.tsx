/** A checkbox with a 44 px touch target around a normal-sized box. */
export function Tick({ checked, onChange, label, indeterminate = false }: { checked: boolean; onChange: () => void; label: string; indeterminate?: boolean }) {
  return (
    <label className="tick">
      <input
        type="checkbox"
        checked={checked}
        aria-label={label}
        ref={(el) => {
          if (el) el.indeterminate = indeterminate;
        }}
        onChange={onChange}
      />
      <span className="tick-box" aria-hidden="true" />
    </label>
  );
}
